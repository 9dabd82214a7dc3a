import Checkpointing
import Harness

/// Grades RecomputeSchedule against Griewank and Walther's closed form for the fewest forward
/// steps, and by replaying every schedule on the graders' own model of the slots.
func gradeRecomputeSchedule(_ scheduler: some RecomputeSchedule, _ checks: CheckRecorder) {
  checks.check("one slot: every state recomputed from x₀, l(l − 1)/2 advances") {
    for steps in [1, 2, 3, 10, 16] {
      try requireEqual(
        try scheduler.minimalForwardSteps(steps: steps, slots: 1), steps * (steps - 1) / 2,
        "minimalForwardSteps(steps: \(steps), slots: 1)")
    }
  }
  checks.check("forward steps against Griewank and Walther's closed form") {
    for slots in 1...6 {
      for steps in 1...60 {
        try requireEqual(
          try scheduler.minimalForwardSteps(steps: steps, slots: slots),
          closedFormForwardSteps(steps: steps, slots: slots),
          "minimalForwardSteps(steps: \(steps), slots: \(slots)), t·l − β(s + 1, t − 1)")
      }
    }
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 30)
    for _ in 0..<10 {
      let steps = Int.random(in: 61...150, using: &random)
      let slots = Int.random(in: 2...8, using: &random)
      try requireEqual(
        try scheduler.minimalForwardSteps(steps: steps, slots: slots),
        closedFormForwardSteps(steps: steps, slots: slots),
        "minimalForwardSteps(steps: \(steps), slots: \(slots)), t·l − β(s + 1, t − 1)")
    }
  }
  checks.check("schedules replayed: every step reversed, within the slots, optimal") {
    var cases: [(Int, Int)] = []
    for slots in 1...4 { for steps in 1...24 { cases.append((steps, slots)) } }
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed &+ 31)
    for _ in 0..<8 {
      cases.append((Int.random(in: 25...90, using: &random), Int.random(in: 2...6, using: &random)))
    }
    for (steps, slots) in cases {
      let actions = try scheduler.schedule(steps: steps, slots: slots)
      let advances = try replay(actions, steps: steps, slots: slots)
      try requireEqual(
        advances, closedFormForwardSteps(steps: steps, slots: slots),
        "advances in schedule(steps: \(steps), slots: \(slots)), the fewest possible")
    }
  }
}

/// β(s, t) = C(s + t, s): how many steps s slots can reverse with each step advanced at most
/// t times; β(s, −1) = 0.
func beta(_ slots: Int, _ repetitions: Int) -> Int {
  guard repetitions >= 0 else { return 0 }
  var value = 1
  for index in 1...max(1, slots) where slots >= 1 {
    value = value * (repetitions + index) / index
  }
  return value
}

/// Griewank and Walther's minimal forward steps: t·l − β(s + 1, t − 1) with
/// β(s, t − 1) < l ≤ β(s, t).
func closedFormForwardSteps(steps: Int, slots: Int) -> Int {
  var repetitions = 0
  while !(beta(slots, repetitions - 1) < steps && steps <= beta(slots, repetitions)) {
    repetitions += 1
  }
  return repetitions * steps - beta(slots + 1, repetitions - 1)
}

/// Plays a schedule on the model of the contract and returns its advances, or fails naming the
/// first action that breaks a rule.
private func replay(_ actions: [RevolveAction], steps: Int, slots: Int) throws -> Int {
  var current: Int? = 0
  var held: Set<Int> = [0]
  var next = steps - 1  // the next step to reverse
  var advances = 0
  let what = "schedule(steps: \(steps), slots: \(slots))"
  for (position, action) in actions.enumerated() {
    let at = "\(what), action \(position) (\(action))"
    try require(next >= 0, "\(at): every step was already reversed")
    switch action {
    case .advance:
      guard let state = current else { throw CheckFailure("\(at): no state is current") }
      try require(
        state < next, "\(at): advancing past state \(next), the input of the next step to reverse")
      current = state + 1
      advances += 1
    case .snapshot:
      guard let state = current else { throw CheckFailure("\(at): no state is current") }
      try require(!held.contains(state), "\(at): state \(state) is already in a slot")
      try require(held.count < slots, "\(at): all \(slots) slots are full (\(held.sorted()))")
      held.insert(state)
    case .restore(let state):
      try require(held.contains(state), "\(at): no slot holds state \(state) (\(held.sorted()))")
      current = state
    case .drop(let state):
      try require(held.contains(state), "\(at): no slot holds state \(state) (\(held.sorted()))")
      held.remove(state)
    case .reverse:
      try require(
        current == next,
        "\(at): reversing step \(next) needs state \(next) current, but the current state is "
          + (current.map(String.init) ?? "none"))
      next -= 1
      current = nil
    }
  }
  try require(next == -1, "\(what): steps \(next) down to 0 were never reversed")
  return advances
}
