/* A buffer is released twice; glibc's heap checks abort the program. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct message { char *body; };

static void release(struct message *m)
{
    free(m->body);
}

int main(void)
{
    struct message m;
    m.body = malloc(64);
    strcpy(m.body, "hello");
    release(&m);
    printf("released once\n");
    release(&m);
    return 0;
}
