/* 64 threads, each a few calls deep, blocked: half on a lock the main
 * thread holds, half waiting on a condition nobody signals. */
#include <pthread.h>
#include <unistd.h>

#define WORKERS 64

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;

static void take_pool(int id)
{
    pthread_mutex_lock(&pool_lock);
    pthread_mutex_unlock(&pool_lock);
    (void)id;
}

static void wait_queue(int id)
{
    pthread_mutex_lock(&queue_lock);
    pthread_cond_wait(&queue_ready, &queue_lock);
    pthread_mutex_unlock(&queue_lock);
    (void)id;
}

static void handle(int id, int level)
{
    if (level > 0) {
        handle(id, level - 1);
        return;
    }
    if (id % 2) take_pool(id); else wait_queue(id);
}

static void *worker(void *arg)
{
    handle((int)(long)arg, 4);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS - 1];
    pthread_mutex_lock(&pool_lock);
    for (long i = 0; i < WORKERS - 1; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    for (;;) sleep(1);
}
