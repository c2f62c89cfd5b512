//! A roadmap's events as an outline: the moves of the editor (up, down, indent, outdent, drag
//! before another, insert, delete) and the renumbering of everything after the change
//! («1» → «1.1» → «1.1.1»). Pure: the store writes the result.

use crate::Id;

/// An event's place in the outline; `number` as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: Id,
    pub section_id: Option<Id>,
    pub parent_id: Option<Id>,
    pub number: String,
}

/// A section's id and printed number, in the plan's order.
pub type SectionNumber = (Id, String);

/// Why a move cannot be made, in Russian.
pub type Refusal = &'static str;

/// The editor's moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Move {
    Up,
    Down,
    Indent,
    Outdent,
}

fn index(nodes: &[Node], id: Id) -> Result<usize, Refusal> {
    nodes.iter().position(|n| n.id == id).ok_or("мероприятие не найдено")
}

/// The end (exclusive) of the subtree starting at `i`: its descendants follow it.
fn subtree_end(nodes: &[Node], i: usize) -> usize {
    let root = nodes[i].id;
    let mut inside = vec![root];
    let mut j = i + 1;
    while j < nodes.len() && nodes[j].parent_id.is_some_and(|p| inside.contains(&p)) {
        inside.push(nodes[j].id);
        j += 1;
    }
    j
}

fn same_level(a: &Node, b: &Node) -> bool {
    a.section_id == b.section_id && a.parent_id == b.parent_id
}

/// The nearest earlier node at the same level (children of one parent all follow it).
fn previous_sibling(nodes: &[Node], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| same_level(&nodes[k], &nodes[i]))
}

fn next_sibling(nodes: &[Node], i: usize) -> Option<usize> {
    let end = subtree_end(nodes, i);
    (end < nodes.len() && same_level(&nodes[end], &nodes[i])).then_some(end)
}

/// Applies a move; returns the first index whose number may have changed.
pub fn apply(nodes: &mut [Node], id: Id, m: Move, sections: &[SectionNumber]) -> Result<usize, Refusal> {
    let i = index(nodes, id)?;
    let from = match m {
        Move::Up => {
            if let Some(p) = previous_sibling(nodes, i) {
                let end = subtree_end(nodes, i);
                nodes[p..end].rotate_left(i - p);
                p
            } else {
                // The first in its section: to the end of the previous section.
                let s = sections.iter().position(|s| Some(s.0) == nodes[i].section_id);
                let prev = s.and_then(|s| s.checked_sub(1)).ok_or("выше перемещать некуда")?;
                if nodes[i].parent_id.is_some() {
                    return Err("выше перемещать некуда: сначала сдвиньте влево");
                }
                let end = subtree_end(nodes, i);
                for n in &mut nodes[i..end] {
                    n.section_id = Some(sections[prev].0);
                }
                i
            }
        }
        Move::Down => {
            if let Some(n) = next_sibling(nodes, i) {
                let end = subtree_end(nodes, n);
                let own = n - i;
                nodes[i..end].rotate_left(own);
                i
            } else {
                let s = sections.iter().position(|s| Some(s.0) == nodes[i].section_id);
                let next =
                    s.map(|s| s + 1).filter(|&s| s < sections.len()).ok_or("ниже перемещать некуда")?;
                if nodes[i].parent_id.is_some() {
                    return Err("ниже перемещать некуда: сначала сдвиньте влево");
                }
                let end = subtree_end(nodes, i);
                for n in &mut nodes[i..end] {
                    n.section_id = Some(sections[next].0);
                }
                i
            }
        }
        Move::Indent => {
            let p = previous_sibling(nodes, i)
                .ok_or("сдвинуть вправо нельзя: выше нет мероприятия того же уровня")?;
            nodes[i].parent_id = Some(nodes[p].id);
            i
        }
        Move::Outdent => {
            let parent =
                nodes[i].parent_id.ok_or("сдвинуть влево нельзя: мероприятие уже верхнего уровня")?;
            let p = index(nodes, parent)?;
            let parent_end = subtree_end(nodes, p);
            let end = subtree_end(nodes, i);
            nodes[i].parent_id = nodes[p].parent_id;
            // Its later siblings stay with the old parent; it goes after them.
            nodes[i..parent_end].rotate_left(end - i);
            i
        }
    };
    renumber(nodes, sections, from);
    Ok(from)
}

/// Moves `id` (with its sub-events) to just before `target`, at the target's level (a drag).
pub fn move_before(
    nodes: &mut Vec<Node>,
    id: Id,
    target: Id,
    sections: &[SectionNumber],
) -> Result<usize, Refusal> {
    let i = index(nodes, id)?;
    let end = subtree_end(nodes, i);
    let t = index(nodes, target)?;
    if (i..end).contains(&t) {
        return Err("мероприятие нельзя поставить внутрь него самого");
    }
    let block: Vec<Node> = nodes.drain(i..end).collect();
    let t = index(nodes, target)?;
    let (section, parent) = (nodes[t].section_id, nodes[t].parent_id);
    let len = block.len();
    nodes.splice(t..t, block);
    for n in &mut nodes[t..t + len] {
        n.section_id = section;
    }
    nodes[t].parent_id = parent;
    let from = i.min(t);
    renumber(nodes, sections, from);
    Ok(from)
}

/// Where a new event goes: after `after` (and its sub-events) at its level, or at the end of
/// `section`. Returns its index; the node is inserted and everything after renumbered.
pub fn insert(
    nodes: &mut Vec<Node>,
    mut node: Node,
    after: Option<Id>,
    sections: &[SectionNumber],
) -> Result<usize, Refusal> {
    let at = match after {
        Some(a) => {
            let i = index(nodes, a)?;
            node.section_id = nodes[i].section_id;
            node.parent_id = nodes[i].parent_id;
            subtree_end(nodes, i)
        }
        None => {
            node.parent_id = None;
            let s = sections.iter().position(|s| Some(s.0) == node.section_id);
            // The end of the section: before the first event of a later section.
            nodes
                .iter()
                .position(|n| {
                    let ns = sections.iter().position(|s| Some(s.0) == n.section_id);
                    ns > s
                })
                .unwrap_or(nodes.len())
        }
    };
    nodes.insert(at, node);
    renumber(nodes, sections, at);
    Ok(at)
}

/// Removes `id` and its sub-events; returns their ids.
pub fn remove(nodes: &mut Vec<Node>, id: Id, sections: &[SectionNumber]) -> Result<Vec<Id>, Refusal> {
    let i = index(nodes, id)?;
    let end = subtree_end(nodes, i);
    let gone = nodes.drain(i..end).map(|n| n.id).collect();
    renumber(nodes, sections, i);
    Ok(gone)
}

/// Puts the events back in their sections' order (after sections were reordered) and
/// renumbers from the first event that moved.
pub fn regroup(nodes: &mut [Node], sections: &[SectionNumber]) {
    let before: Vec<Id> = nodes.iter().map(|n| n.id).collect();
    let rank =
        |n: &Node| n.section_id.and_then(|s| sections.iter().position(|x| x.0 == s)).map_or(0, |i| i + 1);
    nodes.sort_by_key(rank);
    if let Some(from) = nodes.iter().zip(&before).position(|(n, id)| n.id != *id) {
        renumber(nodes, sections, from);
    }
}

/// «1.2.3» → «1.2.4»; `None` when the number does not end in digits.
fn increment(number: &str) -> Option<String> {
    let (head, last) = number.rsplit_once('.').map_or(("", number), |(h, l)| (h, l));
    let n: u32 = last.parse().ok()?;
    Some(if head.is_empty() { (n + 1).to_string() } else { format!("{head}.{}", n + 1) })
}

/// Numbers every event from `from` on by its place: the next after its previous sibling, or
/// «parent.1», or «section.1» (an unnumbered section continues the one before when it did so).
pub fn renumber(nodes: &mut [Node], sections: &[SectionNumber], from: usize) {
    for k in from..nodes.len() {
        let number = match (previous_sibling(nodes, k), nodes[k].parent_id) {
            (Some(m), _) => increment(&nodes[m].number),
            (None, Some(p)) => nodes[..k].iter().find(|n| n.id == p).map(|n| format!("{}.1", n.number)),
            (None, None) => Some(first_in_section(nodes, sections, k)),
        };
        if let Some(n) = number {
            nodes[k].number = n;
        }
    }
}

fn first_in_section(nodes: &[Node], sections: &[SectionNumber], k: usize) -> String {
    let s = sections.iter().position(|s| Some(s.0) == nodes[k].section_id);
    match s.map(|s| &sections[s]) {
        Some((_, n)) if !n.is_empty() => format!("{n}.1"),
        _ => {
            // Continue the top-level numbers before, unless this section started again at 1.
            let restarts = nodes[k].number == "1" || nodes[k].number.is_empty();
            let last = nodes[..k].iter().rev().find(|n| n.parent_id.is_none());
            match last.and_then(|l| increment(&l.number)) {
                Some(next) if !restarts && last.is_none_or(|l| l.section_id != nodes[k].section_id) => next,
                _ => "1".to_owned(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// «id:parent@section=number» outlines for short tests; numbers are recomputed from scratch.
    fn outline(spec: &[(Id, Option<Id>, Id)]) -> Vec<Node> {
        let mut nodes: Vec<Node> = spec
            .iter()
            .map(|&(id, parent_id, s)| Node { id, section_id: Some(s), parent_id, number: String::new() })
            .collect();
        renumber(&mut nodes, &sections(), 0);
        nodes
    }

    fn sections() -> Vec<SectionNumber> {
        vec![(100, "1".into()), (200, "2".into())]
    }

    fn numbers(nodes: &[Node]) -> Vec<(Id, String)> {
        nodes.iter().map(|n| (n.id, n.number.clone())).collect()
    }

    fn n(list: &[(Id, &str)]) -> Vec<(Id, String)> {
        list.iter().map(|&(i, s)| (i, s.to_owned())).collect()
    }

    #[test]
    fn numbers_follow_sections_and_levels() {
        let nodes =
            outline(&[(1, None, 100), (2, Some(1), 100), (3, Some(1), 100), (4, None, 100), (5, None, 200)]);
        assert_eq!(numbers(&nodes), n(&[(1, "1.1"), (2, "1.1.1"), (3, "1.1.2"), (4, "1.2"), (5, "2.1")]));
    }

    #[test]
    fn indent_outdent_and_moves_renumber_everything_after() {
        let s = sections();
        let mut nodes = outline(&[(1, None, 100), (2, None, 100), (3, None, 100), (4, None, 200)]);
        apply(&mut nodes, 2, Move::Indent, &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(1, "1.1"), (2, "1.1.1"), (3, "1.2"), (4, "2.1")]));
        apply(&mut nodes, 3, Move::Up, &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(3, "1.1"), (1, "1.2"), (2, "1.2.1"), (4, "2.1")]));
        apply(&mut nodes, 2, Move::Outdent, &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(3, "1.1"), (1, "1.2"), (2, "1.3"), (4, "2.1")]));
        apply(&mut nodes, 2, Move::Down, &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(3, "1.1"), (1, "1.2"), (2, "2.1"), (4, "2.2")]));
        assert_eq!(nodes[2].section_id, Some(200));
        assert!(apply(&mut nodes, 3, Move::Indent, &s).is_err(), "the first has nothing to go under");
        assert!(apply(&mut nodes, 3, Move::Outdent, &s).is_err());
        assert!(apply(&mut nodes, 3, Move::Up, &s).is_err());
    }

    #[test]
    fn a_parent_moves_with_its_children_and_outdent_keeps_later_siblings_under_the_parent() {
        let s = sections();
        let mut nodes = outline(&[
            (1, None, 100),
            (2, Some(1), 100),
            (3, Some(1), 100),
            (4, Some(1), 100),
            (5, None, 100),
        ]);
        apply(&mut nodes, 3, Move::Outdent, &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(1, "1.1"), (2, "1.1.1"), (4, "1.1.2"), (3, "1.2"), (5, "1.3")]));
        apply(&mut nodes, 5, Move::Up, &s).unwrap();
        apply(&mut nodes, 5, Move::Up, &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(5, "1.1"), (1, "1.2"), (2, "1.2.1"), (4, "1.2.2"), (3, "1.3")]));
    }

    #[test]
    fn insert_drag_and_delete() {
        let s = sections();
        let mut nodes = outline(&[(1, None, 100), (2, Some(1), 100), (3, None, 100), (4, None, 200)]);
        let new = |id| Node { id, section_id: Some(100), parent_id: None, number: String::new() };
        insert(&mut nodes, new(9), Some(1), &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(1, "1.1"), (2, "1.1.1"), (9, "1.2"), (3, "1.3"), (4, "2.1")]));
        insert(&mut nodes, new(8), None, &s).unwrap();
        assert_eq!(nodes[4].id, 8, "at the end of section 1");
        move_before(&mut nodes, 4, 1, &s).unwrap();
        assert_eq!(numbers(&nodes)[0], (4, "1.1".to_owned()));
        assert!(move_before(&mut nodes, 1, 2, &s).is_err(), "not inside itself");
        let gone = remove(&mut nodes, 1, &s).unwrap();
        assert_eq!(gone, [1, 2]);
        assert_eq!(numbers(&nodes), n(&[(4, "1.1"), (9, "1.2"), (3, "1.3"), (8, "1.4")]));
    }

    #[test]
    fn events_follow_their_sections_when_sections_swap() {
        let mut nodes = outline(&[(1, None, 100), (2, Some(1), 100), (3, None, 200)]);
        let swapped: Vec<SectionNumber> = vec![(200, "1".into()), (100, "2".into())];
        regroup(&mut nodes, &swapped);
        assert_eq!(numbers(&nodes), n(&[(3, "1.1"), (1, "2.1"), (2, "2.1.1")]));
    }

    #[test]
    fn unnumbered_sections_continue_or_restart_as_the_plan_did() {
        // Taganrog: 1–8 in the first section, 9–14 in the second, 1–2 again in the last.
        let s: Vec<SectionNumber> = vec![(100, String::new()), (200, String::new()), (300, String::new())];
        let mut nodes: Vec<Node> = [(1, 100, "1"), (2, 100, "2"), (3, 200, "3"), (4, 300, "1")]
            .iter()
            .map(|&(id, sec, num)| Node { id, section_id: Some(sec), parent_id: None, number: num.into() })
            .collect();
        renumber(&mut nodes, &s, 0);
        assert_eq!(numbers(&nodes), n(&[(1, "1"), (2, "2"), (3, "3"), (4, "1")]));
        remove(&mut nodes, 2, &s).unwrap();
        assert_eq!(numbers(&nodes), n(&[(1, "1"), (3, "2"), (4, "1")]));
    }
}
