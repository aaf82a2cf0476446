#include <pthread.h>
#include <unistd.h>
#include <stdio.h>

pthread_mutex_t accounts = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t ledger = PTHREAD_MUTEX_INITIALIZER;

static void *transfer(void *arg) {
    pthread_mutex_t *held = &accounts;
    pthread_mutex_lock(held);
    sleep(1);
    pthread_mutex_lock(&ledger);
    return arg;
}

static void *audit(void *arg) {
    pthread_mutex_t *held = &ledger;
    pthread_mutex_lock(held);
    sleep(1);
    pthread_mutex_lock(&accounts);
    return arg;
}

int main(void) {
    pthread_t a, b;
    pthread_create(&a, NULL, transfer, NULL);
    pthread_create(&b, NULL, audit, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    puts("done");
    return 0;
}
