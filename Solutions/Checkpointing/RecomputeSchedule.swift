import Checkpointing

/// Reference solution of RecomputeSchedule: revolve's recursion, with the split chosen by
/// dynamic programming over the cost table.
public struct RevolveScheduler: RecomputeSchedule {
  public init() {}

  public func minimalForwardSteps(steps: Int, slots: Int) throws -> Int {
    try CostTable(steps: steps, slots: slots).cost(steps, slots)
  }

  public func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
    let table = try CostTable(steps: steps, slots: slots)
    var actions: [RevolveAction] = []
    table.reverse(from: 0, steps: steps, slots: slots, current: true, into: &actions)
    return actions
  }
}

/// cost(l, s): the fewest advances that reverse l steps whose first state is held in a
/// snapshot (and current), with s slots counting that one.
private struct CostTable {
  private static let impossible = Int.max / 4
  private var table: [[Int]]
  private var split: [[Int]]

  init(steps: Int, slots: Int) throws {
    guard steps >= 1, slots >= 1 else {
      throw RevolveInputError(steps: steps, slots: slots)
    }
    // With no slot left, only one step can still be reversed: from the current state.
    table = Array(repeating: Array(repeating: 0, count: steps + 1), count: slots + 1)
    split = table
    for length in 2...max(2, steps) where length <= steps {
      table[0][length] = CostTable.impossible
    }
    for slot in 1...slots {
      for length in stride(from: 2, through: steps, by: 1) {
        // Advance m steps, snapshot there (one slot fewer for the far part), reverse the far
        // part, then reverse the near m steps with every slot again.
        var best = CostTable.impossible
        var bestSplit = 1
        for near in 1..<length {
          let cost = near + table[slot - 1][length - near] + table[slot][near]
          if cost < best {
            best = cost
            bestSplit = near
          }
        }
        table[slot][length] = best
        split[slot][length] = bestSplit
      }
    }
  }

  func cost(_ steps: Int, _ slots: Int) -> Int { table[slots][steps] }

  /// Appends an optimal reversal of steps start ..< start + steps to `actions`.
  func reverse(
    from start: Int, steps: Int, slots: Int, current: Bool, into actions: inout [RevolveAction]
  ) {
    guard steps > 0 else { return }
    if !current { actions.append(.restore(state: start)) }
    if steps == 1 {
      actions.append(.reverse)
      return
    }
    let near = split[slots][steps]
    actions += Array(repeating: .advance, count: near)
    let far = steps - near
    if far == 1 {
      actions.append(.reverse)
    } else {
      actions.append(.snapshot)
      reverse(from: start + near, steps: far, slots: slots - 1, current: true, into: &actions)
      actions.append(.drop(state: start + near))
    }
    reverse(from: start, steps: near, slots: slots, current: false, into: &actions)
  }
}

/// A schedule was asked for with fewer than one step or one slot.
struct RevolveInputError: Error, CustomStringConvertible {
  let steps: Int
  let slots: Int

  var description: String {
    "a reversal of \(steps) steps with \(slots) slots: both must be at least 1"
  }
}
