import Checkpointing

/// Reference solution of GradientAccumulation.
public struct MicroBatchAccumulator: GradientAccumulation {
  public init() {}

  public func accumulate(
    _ chain: Chain, input: Tensor, targets: Tensor, microBatches: Int, store: ActivationStore
  ) throws -> StepResult {
    let size = input.rows / microBatches
    let storeAll = StoreAllBackpropagation()
    var total = StepResult(loss: 0, gradients: .zeros(for: chain))
    for part in 0..<microBatches {
      let rows = (part * size)..<((part + 1) * size)
      let result = try storeAll.step(
        chain, input: input.rows(rows), targets: targets.rows(rows), store: store)
      // Dividing the loss by the number of micro-batches divides its gradient too: the sum
      // of k micro-batch means, each over B / k rows, is k times the mean over all B rows.
      total.loss += result.loss / Double(microBatches)
      total.gradients = try total.gradients.adding(
        result.gradients.scaled(by: 1 / Double(microBatches)))
    }
    return total
  }
}
