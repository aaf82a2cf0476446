/* A failed assertion aborts the program. */
#include <assert.h>
#include <stdio.h>

struct ledger { int balance; };

static void withdraw(struct ledger *l, int amount)
{
    l->balance -= amount;
    assert(l->balance >= 0);
}

int main(void)
{
    struct ledger l = { 100 };
    withdraw(&l, 30);
    withdraw(&l, 90);
    printf("balance: %d\n", l.balance);
    return 0;
}
