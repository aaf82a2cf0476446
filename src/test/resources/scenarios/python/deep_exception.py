"""An uncaught exception deep in a call chain: a price list with a missing entry."""
import sys


def load_prices(order_id):
    prices = {"apple": 3, "pear": 4}
    items = ["apple", "kiwi"] if order_id % 2 else ["pear"]
    return [price_of(prices, item) for item in items]


def price_of(prices, item):
    return lookup(prices, item)


def lookup(prices, item):
    return prices[item]


def total(order_id):
    return sum(load_prices(order_id))


def main():
    print("ordering", sys.argv[1:], flush=True)
    for order_id in range(4):
        print("order", order_id, total(order_id), flush=True)


main()
