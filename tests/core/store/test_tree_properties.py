"""Property test: any sequence of appends, branch switches and deletes keeps the tree sound."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.store import Role, Store

# ("append", pick or None for the active leaf) | ("switch", pick) | ("delete", pick);
# `pick` chooses among the messages that exist at that moment.
operations = st.lists(
    st.one_of(
        st.tuples(st.just("append"), st.none() | st.integers(0, 50)),
        st.tuples(st.just("switch"), st.integers(0, 50)),
        st.tuples(st.just("delete"), st.integers(0, 50)),
    ),
    max_size=25,
)


class TreeModel:
    """The expected tree, kept in plain dicts."""

    def __init__(self) -> None:
        self.parent: dict[int, int | None] = {}
        self.leaf: int | None = None

    def children(self, node: int | None) -> list[int]:
        return sorted(m for m, p in self.parent.items() if p == node)

    def newest_leaf(self, start: int | None) -> int | None:
        if start is None:
            roots = self.children(None)
            if not roots:
                return None
            start = roots[-1]
        while kids := self.children(start):
            start = kids[-1]
        return start

    def path(self) -> list[int]:
        out, node = [], self.leaf
        while node is not None:
            out.append(node)
            node = self.parent[node]
        return out[::-1]

    def subtree(self, node: int) -> set[int]:
        found, todo = set(), [node]
        while todo:
            n = todo.pop()
            found.add(n)
            todo.extend(self.children(n))
        return found


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_tree_operations_match_the_model(tmp_path: Path, ops: list[tuple[str, int | None]]
                                         ) -> None:
    with Store.open(tmp_path / "data", backup_interval=None) as store:
        conv = store.create_conversation()
        model = TreeModel()
        for op, pick in ops:
            ids = sorted(model.parent)
            if op == "append":
                parent = None if pick is None or not ids else ids[pick % len(ids)]
                if pick is None:
                    m = store.append_message(conv.id, Role.USER, "x")
                    model.parent[m.id] = model.leaf
                else:
                    m = store.append_message(conv.id, Role.USER, "x", parent_id=parent)
                    model.parent[m.id] = parent
                model.leaf = m.id
            elif op == "switch" and ids:
                target = ids[pick % len(ids)] if pick is not None else ids[0]
                assert store.switch_branch(target) == model.newest_leaf(target)
                model.leaf = model.newest_leaf(target)
            elif op == "delete" and ids:
                target = ids[pick % len(ids)] if pick is not None else ids[0]
                gone = model.subtree(target)
                parent = model.parent[target]
                for n in gone:
                    del model.parent[n]
                if model.leaf in gone:
                    model.leaf = model.newest_leaf(parent)
                store.delete_message(target)
            assert store.get_conversation(conv.id).active_leaf_id == model.leaf
            assert [m.id for m in store.active_path(conv.id)] == model.path()
            assert {m.id: m.parent_id for m in store.messages(conv.id)} == model.parent
        for node in model.parent:
            expected = [m for m, p in model.parent.items() if p == model.parent[node]]
            assert [m.id for m in store.siblings(node)] == sorted(expected)
