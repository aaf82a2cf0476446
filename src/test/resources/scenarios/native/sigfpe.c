/* An integer division by zero raises SIGFPE. */
#include <stdio.h>

static int average(int total, int count)
{
    return total / count;
}

int main(int argc, char **argv)
{
    (void)argv;
    int samples = argc - 1; /* no arguments: zero samples */
    printf("average: %d\n", average(120, samples));
    return 0;
}
