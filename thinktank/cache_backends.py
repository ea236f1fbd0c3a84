"""
Django's RedisCache, with one Redis client per connection pool instead of one per call.

Django's RedisCacheClient.get_client() makes a new redis.Redis for every cache call,
and a page served from the cache makes two calls (the generation, the page). A
redis.Redis over a connection pool is safe to share between threads, as the pool is.
Design: docs/page-cache.md; figures: benchmarks/README.md.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
