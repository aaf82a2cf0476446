/* A NULL string reaches strlen() inside libc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *lookup_name(int id)
{
    return id == 1 ? "root" : NULL;
}

static size_t name_width(int id)
{
    const char *name = lookup_name(id);
    size_t width = strlen(name);
    return width + 2;
}

int main(int argc, char **argv)
{
    int id = argc > 1 ? atoi(argv[1]) : 7;
    printf("width: %zu\n", name_width(id));
    return 0;
}
