#if canImport(CheckpointingSolutions)
  import Checkpointing
  import CheckpointingSolutions

  /// Gradient accumulation with one mistake, chosen by `mistake`.
  struct AccumulationMutant: GradientAccumulation {
    enum Mistake {
      /// Adds the slices' losses and gradients without dividing by k.
      case noDivision
      /// Divides by the rows of a slice instead of the number of slices.
      case dividesByRows
      /// Divides the gradients by k but not the loss.
      case lossUndivided
      /// Loops over k − 1 slices.
      case missesLastSlice
      /// Runs one step on the whole batch: right numbers, a whole batch of activations.
      case wholeBatch
      /// Gives each slice a store of its own instead of the metered one.
      case freshStores
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func accumulate(
      _ chain: Chain, input: Tensor, targets: Tensor, microBatches: Int, store: ActivationStore
    ) throws -> StepResult {
      let storeAll = StoreAllBackpropagation()
      if mistake == .wholeBatch {
        return try storeAll.step(chain, input: input, targets: targets, store: store)
      }
      let size = input.rows / microBatches
      let divisor: Double =
        switch mistake {
        case .noDivision: 1
        case .dividesByRows: Double(size)
        default: Double(microBatches)
        }
      var total = StepResult(loss: 0, gradients: .zeros(for: chain))
      for part in 0..<(mistake == .missesLastSlice ? microBatches - 1 : microBatches) {
        let rows = (part * size)..<((part + 1) * size)
        let result = try storeAll.step(
          chain, input: input.rows(rows), targets: targets.rows(rows),
          store: mistake == .freshStores ? ActivationStore(recordingTimeline: false) : store)
        total.loss += result.loss / (mistake == .lossUndivided ? 1 : divisor)
        total.gradients = try total.gradients.adding(result.gradients.scaled(by: 1 / divisor))
      }
      return total
    }
  }
#endif
