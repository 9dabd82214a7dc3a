// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The live bytes of a training step, moment by moment, for the timeline picture and the
/// lesson's worked example. (Internal on purpose: the TrainingPeak exercise asks you to write
/// this walk yourself.)
struct TrainingTimeline {
  /// What is live at one moment, by kind.
  struct Moment: Equatable {
    /// A short name: "start", "fwd 2", "loss", "bwd 3", "step".
    var label: String
    /// Weights and optimizer state.
    var resident: UInt64
    /// Activations a₀ … aᵢ kept for the backward pass.
    var activations: UInt64
    /// Gradients of activations, δ.
    var deltas: UInt64
    /// Weight gradients gᵢ accumulated so far.
    var weightGradients: UInt64

    /// Everything live at this moment.
    var total: UInt64 { resident + activations + deltas + weightGradients }
  }

  /// The moments, in order: start, each forward layer, the loss, each backward layer (at its
  /// fullest, before it frees), the optimizer step.
  let moments: [Moment]

  /// Walks `step`'s schedule (see `TrainingStep`). Sizes are assumed to fit comfortably.
  init(_ step: TrainingStep) {
    let resident = step.weightBytes + step.optimizerStateBytes
    let a = [step.inputBytes] + step.layers.map(\.activationBytes)
    let depth = step.layers.count
    func moment(_ label: String, _ kept: UInt64, _ deltas: UInt64, _ gradients: UInt64) -> Moment {
      Moment(
        label: label, resident: resident, activations: kept, deltas: deltas,
        weightGradients: gradients)
    }
    var moments = [moment("start", a[0], 0, 0)]
    var kept = a[0]
    var gradients: UInt64 = 0
    if depth > 0 {
      for i in 1...depth {
        kept += a[i]
        moments.append(moment("fwd \(i)", kept, 0, 0))
      }
      moments.append(moment("loss", kept, a[depth], 0))
      for i in stride(from: depth, through: 1, by: -1) {
        gradients += step.layers[i - 1].weightGradientBytes
        moments.append(moment("bwd \(i)", kept, a[i] + (i > 1 ? a[i - 1] : 0), gradients))
        kept -= a[i] + (i == 1 ? a[0] : 0)
      }
      moments.append(moment("step", 0, 0, gradients))
    }
    self.moments = moments
  }

  /// The first moment at which the most bytes are live.
  var peak: Moment {
    moments.reduce(moments[0]) { best, next in next.total > best.total ? next : best }
  }

  /// The lesson's worked example, in MB: fp16 weights 18 and mixed-precision Adam state 108
  /// (6 × the weights), input 10, and three layers with (activation, weight gradient) =
  /// (40, 5), (30, 6), (20, 7); the weight gradients add up to the weights' 18.
  static let lessonExample = TrainingStep(
    weightBytes: 18_000_000, optimizerStateBytes: 108_000_000, inputBytes: 10_000_000,
    layers: [
      LayerSizes(activationBytes: 40_000_000, weightGradientBytes: 5_000_000),
      LayerSizes(activationBytes: 30_000_000, weightGradientBytes: 6_000_000),
      LayerSizes(activationBytes: 20_000_000, weightGradientBytes: 7_000_000),
    ])
}
