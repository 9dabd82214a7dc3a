#if canImport(QuantizationSolutions)
  import Quantization
  import QuantizationSolutions

  /// Loss scaling with one mistake, chosen by `mistake`.
  struct LossScalingMutant: LossScaling {
    enum Mistake {
      /// Calls any scaled gradient above 65504 an overflow, though up to 65520 rounds to 65504.
      case overflowPast65504
      /// Rounds to an fp16 without subnormals: everything below 2⁻¹⁴ flushes to zero.
      case flushesSubnormals
      /// Takes g × S in Double and rounds once to fp16, skipping the fp32 product.
      case productInDouble
      /// Doubles and halves the scale whatever the policy's factors are.
      case fixedFactors
      /// Keeps counting good steps after a growth instead of starting again at 0.
      case countNotReset
      /// Compares the count with the interval before adding the step: grows one step late.
      case growsOneStepLate
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func halfPrecisionGradients(_ gradients: [Float], lossScale: Float) throws -> [Float] {
      let reference = try LossScaler().halfPrecisionGradients(gradients, lossScale: lossScale)
      switch mistake {
      case .flushesSubnormals:
        return gradients.map { g in
          let half = HalfPrecision.round(g * lossScale)
          return (half.magnitude < HalfPrecision.leastNormalMagnitude ? 0 * half : half)
            / lossScale
        }
      case .productInDouble:
        return gradients.map { g in
          Float(Float16(Double(g) * Double(lossScale))) / lossScale
        }
      default:
        return reference
      }
    }

    func step(_ gradients: [Float], state: LossScalerState, policy: DynamicLossScaling) throws
      -> LossScalingStep
    {
      let unscaled = try halfPrecisionGradients(gradients, lossScale: state.scale)
      let overflow =
        mistake == .overflowPast65504
        ? gradients.contains {
          !($0 * state.scale).isFinite || ($0 * state.scale).magnitude > 65504
        }
          || unscaled.contains { !$0.isFinite }
        : unscaled.contains { !$0.isFinite }
      let backoff = mistake == .fixedFactors ? 0.5 : policy.backoffFactor
      let growth = mistake == .fixedFactors ? 2 : policy.growthFactor
      if overflow {
        return LossScalingStep(
          gradients: nil, next: LossScalerState(scale: state.scale * backoff, goodSteps: 0))
      }
      let counted = state.goodSteps + 1
      var next = LossScalerState(scale: state.scale, goodSteps: counted)
      let due =
        mistake == .growsOneStepLate
        ? state.goodSteps >= policy.growthInterval : counted >= policy.growthInterval
      if due {
        let grown = state.scale * growth
        if grown.isFinite { next.scale = grown }
        next.goodSteps = mistake == .countNotReset ? counted : 0
      }
      return LossScalingStep(gradients: unscaled, next: next)
    }
  }
#endif
