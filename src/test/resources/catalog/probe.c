/* A small multi-threaded program for checking the catalog's gdb commands on a real core:
 * two workers block on a mutex main holds, then main aborts. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct job {
    int id;
    long bytes;
    const char *name;
};

pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
int requests_served = 42;
struct job current_job = {7, 4096, "resize"};

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&queue_lock);
    requests_served++;
    pthread_mutex_unlock(&queue_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_mutex_lock(&queue_lock);
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    usleep(300 * 1000);
    abort();
}
