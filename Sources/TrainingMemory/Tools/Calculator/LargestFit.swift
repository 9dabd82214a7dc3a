/// The largest batch or context that fits: the largest whole x with
/// `fixed + variable(x) ≤ memory`, found by bisection over an exact, non-decreasing `variable`.
enum LargestFit {
  /// The largest x ≥ 0 that fits, or nil when `variable` is 0 for every x (no limit).
  /// `variable` throws when its value overflows, which counts as not fitting.
  static func largest(
    fixed: UInt64, memory: UInt64, variable: (UInt64) throws -> UInt64
  ) -> UInt64? {
    guard fixed <= memory else { return 0 }
    let room = memory - fixed
    guard let one = try? variable(1) else { return 0 }
    guard one > 0 else { return nil }
    // variable(x) ≥ x·variable(1) for the KV cache (linear) and the activations (linear in the
    // batch, quadratic in the sequence), so no x beyond room / variable(1) fits.
    var low: UInt64 = 0
    var high = room / one + 1
    func fits(_ x: UInt64) -> Bool { (try? variable(x)).map { $0 <= room } ?? false }
    while high - low > 1 {
      let middle = low + (high - low) / 2
      if fits(middle) { low = middle } else { high = middle }
    }
    return low
  }
}
