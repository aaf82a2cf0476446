/* Allocates and touches 64 KiB every 20 ms and never frees it (stops growing at 512 MiB). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct entry { struct entry *next; char payload[64 * 1024 - sizeof(void *)]; };
static struct entry *history;

static void remember(void)
{
    struct entry *e = malloc(sizeof *e);
    memset(e->payload, 0x5a, sizeof e->payload);
    e->next = history;
    history = e;
}

int main(void)
{
    for (unsigned long n = 0;; n++) {
        if (n < 8192) remember();
        usleep(20 * 1000);
    }
}
