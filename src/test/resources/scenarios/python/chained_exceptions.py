"""raise ... from ... on top of an exception raised while handling another (implicit context)."""


class ConfigError(Exception):
    pass


def read_port(text):
    return int(text)


def parse_config(raw):
    try:
        return read_port(raw["port"])
    except ValueError as e:
        raise ConfigError("port is not a number: %r" % raw["port"]) from e


def start(raw):
    try:
        return parse_config(raw)
    except ConfigError:
        # a bug in the error handler: the message names a key that does not exist
        log_line = "bad config for service " + raw["service"]
        print(log_line)


start({"port": "80a"})
