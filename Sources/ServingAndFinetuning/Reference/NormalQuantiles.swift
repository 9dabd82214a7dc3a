// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

import Foundation

/// The NF4 levels rebuilt from quantiles of the standard normal, as QLoRA builds them: eight
/// quantiles of the upper half between probabilities 0.5 and 0.9677083, seven of the lower
/// half, and 0, divided by the largest.
enum NormalQuantiles {
  /// QLoRA's outer probability, (1 − 1/(2·15) + 1 − 1/(2·16)) / 2.
  static let offset = 0.9677083

  /// The 16 levels, increasing.
  static var nf4Levels: [Double] {
    let upper = linspace(offset, 0.5, 9).dropLast().map(quantile)
    let lower = linspace(offset, 0.5, 8).dropLast().map { -quantile($0) }
    let levels = (upper + [0] + lower).sorted()
    let largest = levels.map(abs).max() ?? 1
    return levels.map { $0 / largest }
  }

  /// The largest difference between the rebuilt levels and the published table.
  static var largestDifferenceFromTable: Double {
    zip(nf4Levels, NF4.levels).map { abs($0 - Double($1)) }.max() ?? .nan
  }

  /// The standard normal's quantile: the x with Φ(x) = p, by bisection on erfc.
  static func quantile(_ p: Double) -> Double {
    var low = -10.0
    var high = 10.0
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if 0.5 * erfc(-middle / 2.0.squareRoot()) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  private static func linspace(_ start: Double, _ end: Double, _ count: Int) -> [Double] {
    (0..<count).map { start + (end - start) * Double($0) / Double(count - 1) }
  }
}
