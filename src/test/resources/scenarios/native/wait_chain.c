/* A thread holds a lock while it reads from a pipe nobody writes to;
 * three workers wait for that lock behind it. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static int feed[2];

static void *refresher(void *arg)
{
    char buf[128];
    (void)arg;
    pthread_mutex_lock(&cache_lock);
    ssize_t n = read(feed[0], buf, sizeof buf); /* blocks forever, lock held */
    pthread_mutex_unlock(&cache_lock);
    return (void *)n;
}

static void *lookup(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&cache_lock);
    pthread_mutex_unlock(&cache_lock);
    return NULL;
}

int main(void)
{
    pthread_t r, w[3];
    pipe(feed);
    pthread_create(&r, NULL, refresher, NULL);
    usleep(200 * 1000);
    for (int i = 0; i < 3; i++) pthread_create(&w[i], NULL, lookup, NULL);
    pthread_join(r, NULL);
    for (int i = 0; i < 3; i++) pthread_join(w[i], NULL);
    return 0;
}
