import Foundation

/// A small dataset generated in code from a seed, so a training run is the same everywhere.
public struct Dataset: Equatable, Sendable {
  /// One example per row.
  public let inputs: Tensor
  /// One target per row, as the chain's loss expects it.
  public let targets: Tensor

  /// Creates a dataset; inputs and targets must have the same number of rows.
  public init(inputs: Tensor, targets: Tensor) throws {
    try precondition(
      inputs.rows == targets.rows,
      orThrow: "\(inputs.rows) inputs but \(targets.rows) targets")
    self.inputs = inputs
    self.targets = targets
  }

  /// Examples.
  public var count: Int { inputs.rows }

  /// Two interleaved spirals in the plane, labelled 0 and 1, for the logistic loss.
  ///
  /// Arm `k ∈ {0, 1}` has `pointsPerArm` points at angles θ from 0 to `turns` full turns and
  /// radius θ / (2π·turns), turned by π for the second arm, each coordinate jittered by up to
  /// ±`noise`.
  public static func spirals(
    pointsPerArm: Int, turns: Double = 1, noise: Double = 0.02, seed: UInt64
  ) throws -> Dataset {
    try precondition(pointsPerArm >= 1, orThrow: "spirals of \(pointsPerArm) points per arm")
    try precondition(turns > 0 && noise >= 0, orThrow: "spirals of \(turns) turns, noise \(noise)")
    var random = ChainSeed(seed)
    var inputs: [Double] = []
    var labels: [Double] = []
    for point in 0..<pointsPerArm {
      let fraction = pointsPerArm == 1 ? 0 : Double(point) / Double(pointsPerArm - 1)
      let angle = fraction * 2 * Double.pi * turns
      for arm in 0..<2 {
        let turned = angle + Double(arm) * Double.pi
        inputs.append(fraction * cos(turned) + Double.random(in: -noise...noise, using: &random))
        inputs.append(fraction * sin(turned) + Double.random(in: -noise...noise, using: &random))
        labels.append(Double(arm))
      }
    }
    return try Dataset(
      inputs: Tensor(rows: labels.count, columns: 2, values: inputs),
      targets: Tensor(rows: labels.count, columns: 1, values: labels))
  }

  /// `count` points x drawn uniformly from [−π, π] with targets sin(x), for the squared loss.
  public static func sine(count: Int, seed: UInt64) throws -> Dataset {
    try precondition(count >= 1, orThrow: "a sine dataset of \(count) points")
    var random = ChainSeed(seed)
    let inputs = (0..<count).map { _ in Double.random(in: -Double.pi...Double.pi, using: &random) }
    return try Dataset(
      inputs: Tensor(rows: count, columns: 1, values: inputs),
      targets: Tensor(rows: count, columns: 1, values: inputs.map { sin($0) }))
  }
}
