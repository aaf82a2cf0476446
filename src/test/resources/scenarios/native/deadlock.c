/* Two threads take the same two locks in opposite order and deadlock. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t accounts_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t journal_lock = PTHREAD_MUTEX_INITIALIZER;

static void *transfer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&accounts_lock);
    usleep(200 * 1000);
    pthread_mutex_lock(&journal_lock);
    pthread_mutex_unlock(&journal_lock);
    pthread_mutex_unlock(&accounts_lock);
    return NULL;
}

static void *audit(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&journal_lock);
    usleep(200 * 1000);
    pthread_mutex_lock(&accounts_lock);
    pthread_mutex_unlock(&accounts_lock);
    pthread_mutex_unlock(&journal_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, transfer, NULL);
    pthread_create(&b, NULL, audit, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
