"""An app in Python next to its pod's `kafka-assignors sidecar`: it consumes the topic only while the sidecar
says the pod is active.

It asks the sidecar's GET /role about every 200 ms (200: active, with the fencing token in `generationId`;
anything else, or no answer: standby). While active it assigns itself every partition of the topic, starting
from the offsets committed under its own group id (not the sidecar's, which commits nothing), appends one JSON
line per message to the output file with the fencing token, and commits synchronously every COMMIT_EVERY
messages. When it sees standby it commits what it has processed and unassigns at once. A failover after a
crash repeats at most the COMMIT_EVERY messages processed since the last commit; none is lost.

    python app.py --role-url http://127.0.0.1:8080/role --brokers kafka:9092 --topic billing-events \\
        --group billing-app --output processed.jsonl
"""

import argparse
import json
import os
import signal
import time
import urllib.error
import urllib.request

from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition

ROLE_POLL_SECONDS = 0.2


def role_token(role_url):
    """The fencing token when the sidecar says active, else None (standby, or the sidecar does not answer)."""
    try:
        with urllib.request.urlopen(role_url, timeout=1) as response:
            return json.load(response)["generationId"] if response.status == 200 else None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def say(event, **fields):
    print(json.dumps({"event": event, **fields}), flush=True)


class App:
    def __init__(self, options):
        self.options = options
        self.consumer = Consumer({
            "bootstrap.servers": options.brokers,
            "group.id": options.group,
            "enable.auto.commit": False,
            "fetch.wait.max.ms": 100,
        })
        self.output = open(options.output, "a", encoding="utf-8")
        self.token = None
        self.uncommitted = {}  # partition -> the offset to commit: the next one to process
        self.processed_since_commit = 0

    def become_active(self, token):
        metadata = self.consumer.list_topics(self.options.topic, timeout=10).topics[self.options.topic]
        partitions = [TopicPartition(self.options.topic, partition) for partition in sorted(metadata.partitions)]
        committed = self.consumer.committed(partitions, timeout=10)
        starts = [TopicPartition(tp.topic, tp.partition, tp.offset if tp.offset >= 0 else OFFSET_BEGINNING) for tp in committed]
        self.consumer.assign(starts)
        self.token = token
        say("consuming", token=token, offsets={tp.partition: tp.offset for tp in starts})

    def become_standby(self):
        self.commit()
        self.consumer.unassign()
        say("stopped-consuming", token=self.token)
        self.token = None

    def process(self, message):
        line = {
            "key": (message.key() or b"").decode(),
            "value": (message.value() or b"").decode(),
            "partition": message.partition(),
            "offset": message.offset(),
            "token": self.token,
        }
        # Written before the offset is committed: a crash after the write repeats the message, never loses it.
        self.output.write(json.dumps(line) + "\n")
        self.output.flush()
        self.uncommitted[message.partition()] = message.offset() + 1
        self.processed_since_commit += 1
        if self.processed_since_commit >= self.options.commit_every:
            self.commit()

    def commit(self):
        if not self.uncommitted:
            return
        offsets = [TopicPartition(self.options.topic, partition, offset) for partition, offset in self.uncommitted.items()]
        self.consumer.commit(offsets=offsets, asynchronous=False)
        self.uncommitted = {}
        self.processed_since_commit = 0

    def run(self, stopping):
        next_role_check = 0.0
        while not stopping():
            now = time.monotonic()
            if now >= next_role_check:
                next_role_check = now + ROLE_POLL_SECONDS
                token = role_token(self.options.role_url)
                if token is None and self.token is not None:
                    self.become_standby()
                elif token is not None and self.token is None:
                    self.become_active(token)
                elif token is not None:
                    # Each rebalance raises the token, also for an active that stays active.
                    self.token = token
            if self.token is None:
                time.sleep(ROLE_POLL_SECONDS)
                continue
            message = self.consumer.poll(timeout=0.05)
            if message is None:
                continue
            if message.error():
                say("error", message=str(message.error()))
                continue
            self.process(message)
        if self.token is not None:
            self.become_standby()
        self.consumer.close()
        self.output.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--role-url", required=True)
    parser.add_argument("--brokers", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--group", required=True, help="the app's own group id, for its committed offsets")
    parser.add_argument("--output", required=True)
    parser.add_argument("--commit-every", type=int, default=10)
    options = parser.parse_args()
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    say("started", pid=os.getpid())
    App(options).run(lambda: bool(stop))
    say("stopped")


if __name__ == "__main__":
    main()
