"""The threading contract: one Store used from several threads, beside a checkpointer and a
search runner, loses nothing and raises nothing."""

from __future__ import annotations

import threading

from desktop.core.store import MessageStatus, Role, SearchResults, Store
from desktop.core.store.search import SearchRunner


def test_store_shared_by_worker_threads(store: Store) -> None:
    conversations = [store.create_conversation(f"thread {i}").id for i in range(4)]
    errors: list[BaseException] = []
    results: list[SearchResults] = []

    def writer(conversation_id: int) -> None:
        try:
            for n in range(40):
                store.append_message(conversation_id, Role.USER, f"parallel note {n}")
                store.active_path_tail(conversation_id, 10)
                store.list_conversations()
        except BaseException as exc:  # reported below
            errors.append(exc)

    streaming = store.create_conversation("streaming")
    reply = store.begin_reply(streaming.id)
    final = threading.Event()
    last_generation = -1

    def on_result(generation: int, found: SearchResults) -> None:
        results.append(found)
        if generation == last_generation:
            final.set()

    runner = SearchRunner(store.path, on_result)
    threads = [threading.Thread(target=writer, args=(c,)) for c in conversations]
    with store.checkpointer(reply.id, interval=0.01) as cp:
        for t in threads:
            t.start()
        for n in range(200):
            cp.append(f"token{n} ")
            if n % 20 == 0:
                runner.submit("parallel")
        for t in threads:
            t.join(30)
        cp.finish()
    last_generation = runner.generation + 1  # set before submitting: the result may be quick
    assert runner.submit("parallel") == last_generation
    assert final.wait(10)
    runner.close(timeout=10)
    assert errors == []
    for conversation_id in conversations:
        assert len(store.active_path(conversation_id)) == 40
    done = store.get_message(reply.id)
    assert done.status is MessageStatus.COMPLETE
    assert done.text.split() == [f"token{n}" for n in range(200)]
    assert results and store.quick_check() == "ok"
