/* Two threads each hold one lock and try the other; both back off and
 * retry in step, forever, burning CPU without completing a transfer. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t left_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t right_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile unsigned long completed;
static unsigned int arrived;
static unsigned int generation;

/* a spinning rendezvous of the two threads, so they retry in lockstep */
static void in_step(void)
{
    unsigned int gen = __atomic_load_n(&generation, __ATOMIC_ACQUIRE);
    if (__atomic_add_fetch(&arrived, 1, __ATOMIC_ACQ_REL) == 2) {
        __atomic_store_n(&arrived, 0, __ATOMIC_RELAXED);
        __atomic_add_fetch(&generation, 1, __ATOMIC_ACQ_REL);
    } else {
        while (__atomic_load_n(&generation, __ATOMIC_ACQUIRE) == gen) { }
    }
}

static void back_off(void)
{
    for (volatile int i = 0; i < 1000; i++) { }
}

static void *transfer(void *arg)
{
    int reversed = arg != NULL;
    pthread_mutex_t *first = reversed ? &right_lock : &left_lock;
    pthread_mutex_t *second = reversed ? &left_lock : &right_lock;
    for (;;) {
        in_step();
        pthread_mutex_lock(first);
        in_step();
        if (pthread_mutex_trylock(second) == 0) {
            completed++;
            pthread_mutex_unlock(second);
        }
        pthread_mutex_unlock(first);
        back_off();
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, transfer, NULL);
    pthread_create(&b, NULL, transfer, (void *)1);
    pthread_join(a, NULL);
    return 0;
}
