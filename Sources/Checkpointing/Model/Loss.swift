import Foundation

/// The loss at the end of a chain, averaged over the examples of the batch.
///
/// Averaging over rows is what makes gradient accumulation work: the mean over a batch of `B`
/// rows equals the mean of `k` micro-batch means of `B / k` rows each.
public enum Loss: String, Equatable, Sendable, Codable {
  /// `½ ∑ (y − t)²` per example: regression.
  case meanSquaredError
  /// `softplus(y) − t·y` per example, the binary cross-entropy of a logit `y` and a label
  /// `t ∈ {0, 1}`: classification.
  case logistic

  /// The mean loss over the batch and its gradient with respect to `output`.
  public func evaluate(output: Tensor, targets: Tensor) throws -> LossValue {
    try precondition(
      output.rows == targets.rows && output.columns == targets.columns,
      orThrow: "the loss of a \(output.rows) × \(output.columns) output against "
        + "\(targets.rows) × \(targets.columns) targets")
    try precondition(output.rows > 0, orThrow: "the loss of an empty batch")
    let scale = 1 / Double(output.rows)
    var total = 0.0
    var gradient = [Double](repeating: 0, count: output.values.count)
    for index in output.values.indices {
      let y = output.values[index]
      let t = targets.values[index]
      switch self {
      case .meanSquaredError:
        total += 0.5 * (y - t) * (y - t)
        gradient[index] = (y - t) * scale
      case .logistic:
        // softplus(y) = max(y, 0) + log(1 + e^−|y|), stable for large |y|.
        total += max(y, 0) + log1p(exp(-abs(y))) - t * y
        gradient[index] = (1 / (1 + exp(-y)) - t) * scale
      }
    }
    return LossValue(
      value: total * scale,
      gradient: Tensor(checkedRows: output.rows, columns: output.columns, values: gradient))
  }
}

/// A loss and its gradient with respect to the chain's output.
public struct LossValue: Equatable, Sendable {
  /// The mean loss over the batch.
  public let value: Double
  /// `∂ loss / ∂ output`, already divided by the number of rows.
  public let gradient: Tensor
}
