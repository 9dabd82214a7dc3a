// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// Griewank and Walther's closed form for optimal checkpointing with a fixed number of slots,
/// used for the lesson's figures (the exercise finds the same numbers by dynamic programming).
enum Revolve {
  /// β(s, t) = C(s + t, s): the most steps s slots can reverse when no step is advanced more
  /// than t times. β(s, −1) = 0.
  static func beta(slots: Int, repetitions: Int) -> Int {
    guard repetitions >= 0 else { return 0 }
    var value = 1
    for index in stride(from: 1, through: slots, by: 1) {
      value = value * (repetitions + index) / index
    }
    return value
  }

  /// The repetition number t with β(s, t − 1) < l ≤ β(s, t).
  static func repetitions(steps: Int, slots: Int) -> Int {
    var t = 0
    while steps > beta(slots: slots, repetitions: t) { t += 1 }
    return t
  }

  /// The fewest forward steps that reverse l steps with s slots: t·l − β(s + 1, t − 1).
  static func forwardSteps(steps: Int, slots: Int) -> Int {
    let t = repetitions(steps: steps, slots: slots)
    return t * steps - beta(slots: slots + 1, repetitions: t - 1)
  }
}
