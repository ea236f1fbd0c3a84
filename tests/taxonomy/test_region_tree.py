"""
RegionTree, the one walk of the region tree: what is nested under a region, what is
above it, which parents would make a loop, and the tree in order, on trees of several
shapes, and on loops saved around Region.clean(), which end a walk rather than hang it.
"""

from taxonomy.models import RegionTree

# Middle East > Levant > Israel, Lebanon; Middle East > Gulf; North Africa > Egypt; Arctic.
ME, LEVANT, ISRAEL, LEBANON, GULF, NA, EGYPT, ARCTIC = range(1, 9)
WORLD = RegionTree(
    [
        (ME, None),
        (LEVANT, ME),
        (ISRAEL, LEVANT),
        (LEBANON, LEVANT),
        (GULF, ME),
        (NA, None),
        (EGYPT, NA),
        (ARCTIC, None),
    ]
)
NAMES = {
    ME: "Middle East",
    LEVANT: "Levant",
    ISRAEL: "Israel",
    LEBANON: "Lebanon",
    GULF: "Gulf",
    NA: "North Africa",
    EGYPT: "Egypt",
    ARCTIC: "Arctic",
}
# A chain: 1 > 2 > 3 > 4 > 5.
CHAIN = RegionTree([(1, None), (2, 1), (3, 2), (4, 3), (5, 4)])
# Saved around clean(): 1 > 2 > 3 > 1 (a loop), 4 under 2, and 5 > 6 beside it.
LOOPED = RegionTree([(1, 3), (2, 1), (3, 2), (4, 2), (5, None), (6, 5)])


def test_nested_ids_are_the_region_and_everything_under_it_sorted():
    assert WORLD.nested_ids(ME) == [ME, LEVANT, ISRAEL, LEBANON, GULF]
    assert WORLD.nested_ids(LEVANT) == [LEVANT, ISRAEL, LEBANON]
    assert WORLD.nested_ids(ISRAEL) == [ISRAEL]
    assert WORLD.nested_ids(ARCTIC) == [ARCTIC]
    assert CHAIN.nested_ids(2) == [2, 3, 4, 5]


def test_nested_ids_of_a_region_in_a_loop_end():
    assert LOOPED.nested_ids(2) == [1, 2, 3, 4]
    assert LOOPED.nested_ids(5) == [5, 6]


def test_ancestors_are_outermost_first():
    assert WORLD.ancestors(ISRAEL) == [ME, LEVANT]
    assert WORLD.ancestors(GULF) == [ME]
    assert WORLD.ancestors(ME) == []
    assert CHAIN.ancestors(5) == [1, 2, 3, 4]


def test_ancestors_stop_at_a_parent_outside_the_tree():
    assert RegionTree([(2, 1), (3, 2)]).ancestors(3) == [2]


def test_ancestors_in_a_loop_are_each_listed_once():
    assert sorted(LOOPED.ancestors(4)) == [1, 2, 3]
    assert len(LOOPED.ancestors(1)) == len(set(LOOPED.ancestors(1)))
    assert LOOPED.ancestors(6) == [5]


def test_a_region_cannot_be_its_own_parent_nor_nested_in_its_own_parts():
    assert WORLD.would_cycle(LEVANT, LEVANT)
    assert WORLD.would_cycle(ME, ISRAEL)
    assert WORLD.would_cycle(ME, LEVANT)
    assert CHAIN.would_cycle(1, 5)


def test_a_region_can_move_anywhere_else():
    assert not WORLD.would_cycle(LEVANT, NA)
    assert not WORLD.would_cycle(ISRAEL, GULF)
    assert not WORLD.would_cycle(EGYPT, ME)
    assert not CHAIN.would_cycle(5, 1)
    assert not WORLD.would_cycle(ARCTIC, 99)  # a parent not in the tree


def test_a_move_is_checked_even_beside_a_loop():
    assert not LOOPED.would_cycle(6, 2)
    assert LOOPED.would_cycle(5, 6)


def test_walk_is_depth_first_with_siblings_in_the_order_given():
    assert list(WORLD.walk()) == [
        (ME, 0),
        (LEVANT, 1),
        (ISRAEL, 2),
        (LEBANON, 2),
        (GULF, 1),
        (NA, 0),
        (EGYPT, 1),
        (ARCTIC, 0),
    ]
    assert list(CHAIN.walk()) == [(1, 0), (2, 1), (3, 2), (4, 3), (5, 4)]


def test_walk_sorts_siblings_by_the_key():
    walked = [(NAMES[pk], depth) for pk, depth in WORLD.walk(key=NAMES.get)]
    assert walked == [
        ("Arctic", 0),
        ("Middle East", 0),
        ("Gulf", 1),
        ("Levant", 1),
        ("Israel", 2),
        ("Lebanon", 2),
        ("North Africa", 0),
        ("Egypt", 1),
    ]


def test_walk_roots_a_region_whose_parent_is_not_in_the_tree():
    assert list(RegionTree([(3, 2), (4, 3), (5, None)]).walk()) == [(3, 0), (4, 1), (5, 0)]


def test_walk_leaves_out_what_is_in_or_under_a_loop():
    assert list(LOOPED.walk()) == [(5, 0), (6, 1)]


def test_an_empty_tree():
    empty = RegionTree([])
    assert list(empty.walk()) == []
    assert empty.ancestors(1) == []
    assert empty.nested_ids(1) == [1]
    assert not empty.would_cycle(1, 2)
