#if canImport(CheckpointingSolutions)
  import Checkpointing
  import CheckpointingSolutions

  /// The one-slot schedule: for each step from the last down, restore x₀ and advance to its
  /// input. l(l − 1)/2 advances, one slot.
  private func oneSlotActions(steps: Int) -> [RevolveAction] {
    var actions: [RevolveAction] = []
    for step in stride(from: steps - 1, through: 0, by: -1) {
      if step < steps - 1 { actions.append(.restore(state: 0)) }
      actions += Array(repeating: .advance, count: step)
      actions.append(.reverse)
    }
    return actions
  }

  /// Revolve's recursion with the split at the middle instead of the optimal one.
  struct BisectionSchedule: RecomputeSchedule {
    func minimalForwardSteps(steps: Int, slots: Int) throws -> Int { cost(steps, slots) }

    func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
      var actions: [RevolveAction] = []
      reverse(from: 0, steps: steps, slots: slots, current: true, into: &actions)
      return actions
    }

    private func cost(_ steps: Int, _ slots: Int) -> Int {
      if steps <= 1 { return 0 }
      if slots <= 1 { return steps * (steps - 1) / 2 }
      let near = steps / 2
      return near + cost(steps - near, slots - 1) + cost(near, slots)
    }

    private func reverse(
      from start: Int, steps: Int, slots: Int, current: Bool, into actions: inout [RevolveAction]
    ) {
      guard steps > 0 else { return }
      if slots <= 1 || steps == 1 {
        var part = oneSlotActions(steps: steps).map { action -> RevolveAction in
          if case .restore = action { return .restore(state: start) }
          return action
        }
        if !current { part.insert(.restore(state: start), at: 0) }
        actions += part
        return
      }
      if !current { actions.append(.restore(state: start)) }
      let near = steps / 2
      actions += Array(repeating: .advance, count: near)
      actions.append(.snapshot)
      reverse(
        from: start + near, steps: steps - near, slots: slots - 1, current: true, into: &actions)
      actions.append(.drop(state: start + near))
      reverse(from: start, steps: near, slots: slots, current: false, into: &actions)
    }
  }

  /// Answers l(l − 1)/2, the one-slot count, whatever the slots.
  struct OneSlotCount: RecomputeSchedule {
    func minimalForwardSteps(steps: Int, slots: Int) throws -> Int { steps * (steps - 1) / 2 }
    func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
      oneSlotActions(steps: steps)
    }
  }

  /// Forgets that x₀ occupies a slot: plans with one slot more than there is.
  struct SlotForX0Free: RecomputeSchedule {
    func minimalForwardSteps(steps: Int, slots: Int) throws -> Int {
      try RevolveScheduler().minimalForwardSteps(steps: steps, slots: slots + 1)
    }
    func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
      try RevolveScheduler().schedule(steps: steps, slots: slots + 1)
    }
  }

  /// The optimal schedule without its `drop`s: slots fill up and are never given back.
  struct NeverDrops: RecomputeSchedule {
    func minimalForwardSteps(steps: Int, slots: Int) throws -> Int {
      try RevolveScheduler().minimalForwardSteps(steps: steps, slots: slots)
    }
    func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
      try RevolveScheduler().schedule(steps: steps, slots: slots).filter {
        if case .drop = $0 { return false } else { return true }
      }
    }
  }

  /// The right count, but the one-slot schedule whatever the budget.
  struct OneSlotSchedule: RecomputeSchedule {
    func minimalForwardSteps(steps: Int, slots: Int) throws -> Int {
      try RevolveScheduler().minimalForwardSteps(steps: steps, slots: slots)
    }
    func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
      oneSlotActions(steps: steps)
    }
  }

  /// The right count, but a store-all schedule: a snapshot of every state on the way up.
  struct SnapshotsEveryState: RecomputeSchedule {
    func minimalForwardSteps(steps: Int, slots: Int) throws -> Int {
      try RevolveScheduler().minimalForwardSteps(steps: steps, slots: slots)
    }
    func schedule(steps: Int, slots: Int) throws -> [RevolveAction] {
      var actions: [RevolveAction] = []
      for _ in 1..<max(1, steps) { actions += [.advance, .snapshot] }
      actions.append(.reverse)
      for state in stride(from: steps - 2, through: 0, by: -1) {
        actions += [.restore(state: state), .reverse]
      }
      return actions
    }
  }
#endif
