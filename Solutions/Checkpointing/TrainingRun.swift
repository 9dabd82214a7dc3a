import Checkpointing

/// Reference solution of TrainingRun.
public struct CheckpointedTraining: TrainingRun {
  public init() {}

  public func train(
    _ chain: inout Chain, on data: Dataset, optimizer: inout Adam, steps: Int,
    segmentLength: Int, store: ActivationStore
  ) throws -> [Double] {
    let checkpointed = SegmentCheckpointing()
    var losses: [Double] = []
    for _ in 0..<steps {
      let result = try checkpointed.step(
        chain, input: data.inputs, targets: data.targets, segmentLength: segmentLength,
        store: store)
      losses.append(result.loss)
      try optimizer.update(&chain, with: result.gradients)
    }
    return losses
  }
}
