/* One thread spins on the CPU while four others sleep. */
#include <pthread.h>
#include <unistd.h>

static volatile unsigned long checksum;

static void *spin(void *arg)
{
    (void)arg;
    for (;;) checksum = checksum * 31 + 7;
    return NULL;
}

static void *nap(void *arg)
{
    (void)arg;
    for (;;) usleep(500 * 1000);
    return NULL;
}

int main(void)
{
    pthread_t s, n[4];
    for (int i = 0; i < 4; i++) pthread_create(&n[i], NULL, nap, NULL);
    pthread_create(&s, NULL, spin, NULL);
    pthread_join(s, NULL);
    return 0;
}
