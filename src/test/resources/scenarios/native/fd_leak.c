/* Opens a file every 20 ms and never closes it. */
#include <fcntl.h>
#include <unistd.h>

static int open_config(void)
{
    return open("/proc/self/status", O_RDONLY);
}

int main(void)
{
    for (;;) {
        int fd = open_config();
        (void)fd; /* leaked */
        usleep(20 * 1000);
    }
}
