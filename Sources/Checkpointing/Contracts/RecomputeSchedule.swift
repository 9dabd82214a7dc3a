/// The contract of the RecomputeSchedule exercise: optimal checkpointing with s snapshot slots.
///
/// The model is revolve's (Griewank & Walther 2000). A computation of `steps` steps takes state
/// x₀ to x₁ … to x_l; step i maps xᵢ to xᵢ₊₁. It must be reversed: the adjoint of step l − 1
/// first, down to step 0, and reversing step i needs state xᵢ as the current state. At the
/// start x₀ is current and held in one of the `slots` snapshot slots. Only `advance` costs a
/// forward step; a schedule is optimal when no valid schedule has fewer.
public protocol RecomputeSchedule {
  /// The fewest forward steps (advances) that reverse `steps` steps with `slots` slots, found
  /// by dynamic programming. `steps ≥ 1`, `slots ≥ 1`.
  func minimalForwardSteps(steps: Int, slots: Int) throws -> Int
  /// A schedule that reverses all `steps` steps with at most `slots` snapshots held at once
  /// and exactly `minimalForwardSteps(steps:slots:)` advances.
  func schedule(steps: Int, slots: Int) throws -> [RevolveAction]
}

/// One move of a reversal schedule. States are numbered 0 ... steps.
public enum RevolveAction: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
  /// Run one forward step: the current state i becomes i + 1. Only allowed while i + 1 is at
  /// most the input of the next step to reverse.
  case advance
  /// Copy the current state into a free slot.
  case snapshot
  /// Make the snapshot of state `state` the current state.
  case restore(state: Int)
  /// Empty the slot holding state `state`.
  case drop(state: Int)
  /// Reverse the next step: the current state must be its input. Afterwards no state is
  /// current until the next `restore`.
  case reverse

  /// `advance`, `snapshot`, `restore(3)`, `drop(3)`, `reverse`.
  public var description: String {
    switch self {
    case .advance: return "advance"
    case .snapshot: return "snapshot"
    case .restore(let state): return "restore(\(state))"
    case .drop(let state): return "drop(\(state))"
    case .reverse: return "reverse"
    }
  }
}
