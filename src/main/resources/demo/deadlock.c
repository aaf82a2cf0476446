/*
 * ddx demo: a tiny bank whose two threads deadlock.
 *
 * transfer_funds() locks the accounts, then the ledger; audit_ledger() locks the ledger, then the
 * accounts. Each sleeps a moment while holding its first lock, so both are certain to hold one
 * lock and wait forever for the other. Build: gcc -g -O0 -pthread deadlock.c -o deadlock
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t accounts_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t ledger_lock = PTHREAD_MUTEX_INITIALIZER;
static long balance = 1000;
static long ledger_entries;

static void *transfer_funds(void *arg)
{
    long amount = (long)arg;
    pthread_mutex_lock(&accounts_lock);
    balance -= amount;
    usleep(100 * 1000); /* holds the accounts while it prepares the ledger entry */
    pthread_mutex_lock(&ledger_lock);
    ledger_entries++;
    pthread_mutex_unlock(&ledger_lock);
    pthread_mutex_unlock(&accounts_lock);
    return NULL;
}

static void *audit_ledger(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&ledger_lock);
    usleep(100 * 1000); /* holds the ledger while it counts the entries */
    pthread_mutex_lock(&accounts_lock);
    printf("audit: balance %ld after %ld entries\n", balance, ledger_entries);
    pthread_mutex_unlock(&accounts_lock);
    pthread_mutex_unlock(&ledger_lock);
    return NULL;
}

int main(void)
{
    pthread_t transfer, audit;
    pthread_create(&transfer, NULL, transfer_funds, (void *)250L);
    pthread_create(&audit, NULL, audit_ledger, NULL);
    pthread_join(transfer, NULL);
    pthread_join(audit, NULL);
    printf("done: balance %ld\n", balance);
    return 0;
}
