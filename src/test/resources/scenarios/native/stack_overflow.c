/* Unbounded recursion overflows the stack of a thread (512 KiB). */
#include <pthread.h>
#include <stdio.h>

struct tree { struct tree *left; int key; };

static int walk(struct tree *t, int depth)
{
    char scratch[32];
    scratch[depth % 32] = (char)depth;
    /* the cycle t->left == t never ends */
    return walk(t->left, depth + 1) + scratch[depth % 32];
}

static void *walker(void *arg)
{
    struct tree *root = arg;
    printf("depth: %d\n", walk(root, 0));
    return NULL;
}

int main(void)
{
    static struct tree root;
    pthread_attr_t attr;
    pthread_t t;
    root.left = &root;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 512 * 1024);
    pthread_create(&t, &attr, walker, &root);
    pthread_join(t, NULL);
    return 0;
}
