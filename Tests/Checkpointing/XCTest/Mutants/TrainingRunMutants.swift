#if canImport(CheckpointingSolutions)
  import Checkpointing
  import CheckpointingSolutions
  import Foundation

  /// The training loop with one mistake, chosen by `mistake`.
  struct TrainingMutant: TrainingRun {
    enum Mistake {
      /// Checkpoints with K = ⌊√N⌋ whatever `segmentLength` says (right only when K = √N).
      case rootOfDepth
      /// Trains with store-all steps: the loss is right, the memory is not.
      case storeAll
      /// Records each loss after the step's update (the loss of the next step).
      case lossAfterUpdate
      /// Updates a local copy of the optimizer, so its moments never persist.
      case optimizerCopy
      /// Runs `steps − 1` updates.
      case oneShort
      /// Uses a store of its own instead of the metered one it is handed.
      case ownStore
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func train(
      _ chain: inout Chain, on data: Dataset, optimizer: inout Adam, steps: Int,
      segmentLength: Int, store: ActivationStore
    ) throws -> [Double] {
      let used = mistake == .ownStore ? ActivationStore(recordingTimeline: false) : store
      let length =
        mistake == .rootOfDepth ? Int(Double(chain.depth).squareRoot()) : segmentLength
      func step(_ chain: Chain) throws -> StepResult {
        mistake == .storeAll
          ? try StoreAllBackpropagation().step(
            chain, input: data.inputs, targets: data.targets, store: used)
          : try SegmentCheckpointing().step(
            chain, input: data.inputs, targets: data.targets, segmentLength: length, store: used)
      }
      var losses: [Double] = []
      var next = mistake == .lossAfterUpdate ? try step(chain) : nil
      for _ in 0..<(mistake == .oneShort ? steps - 1 : steps) {
        let result = try next ?? step(chain)
        if mistake == .optimizerCopy {
          var copy = optimizer
          try copy.update(&chain, with: result.gradients)
        } else {
          try optimizer.update(&chain, with: result.gradients)
        }
        if mistake == .lossAfterUpdate {
          next = try step(chain)
          losses.append(next?.loss ?? .nan)
        } else {
          losses.append(result.loss)
        }
      }
      return losses
    }
  }
#endif
