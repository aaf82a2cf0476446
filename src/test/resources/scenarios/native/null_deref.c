/* A worker thread follows a chain of pointers in which one link is NULL:
 * ****a.b2->data reads through four levels; **a.b2->data is NULL. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct sample { int value; };
struct bucket { struct sample ****data; };
struct account { int id; struct bucket *b2; };

static int read_sample(struct account a)
{
    int v = (****a.b2->data).value;
    return v * 2;
}

static void *worker(void *arg)
{
    static struct sample s = { 42 };
    static struct sample *p1 = &s;
    static struct sample **p2 = &p1;
    static struct sample ***p3 = &p2;
    static struct bucket b;
    struct account a = { 7, &b };
    (void)arg;
    b.data = &p3;
    p2 = NULL; /* the missing link: **a.b2->data is NULL */
    printf("sample: %d\n", read_sample(a));
    return NULL;
}

static void *idler(void *arg)
{
    (void)arg;
    for (;;) sleep(1);
    return NULL;
}

int main(void)
{
    pthread_t idle, work;
    pthread_create(&idle, NULL, idler, NULL);
    sleep(1);
    pthread_create(&work, NULL, worker, NULL);
    pthread_join(work, NULL);
    return 0;
}
