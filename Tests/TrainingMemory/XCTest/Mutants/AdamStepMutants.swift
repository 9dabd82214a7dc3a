#if canImport(TrainingMemorySolutions)
  import Foundation
  import TrainingMemory

  /// One mistake in Adam, chosen by a type so that each mutant is its own optimizer type.
  protocol AdamFlaw { static var kind: AdamFlawKind { get } }

  enum AdamFlawKind {
    case noBiasCorrection, stepCountedLate, epsilonInsideRoot, absoluteGradient, betasSwapped
    case keepsGradients, noLengthCheck
  }

  enum NoBiasCorrection: AdamFlaw { static let kind = AdamFlawKind.noBiasCorrection }
  enum StepCountedLate: AdamFlaw { static let kind = AdamFlawKind.stepCountedLate }
  enum EpsilonInsideRoot: AdamFlaw { static let kind = AdamFlawKind.epsilonInsideRoot }
  enum AbsoluteGradient: AdamFlaw { static let kind = AdamFlawKind.absoluteGradient }
  enum BetasSwapped: AdamFlaw { static let kind = AdamFlawKind.betasSwapped }
  enum KeepsGradients: AdamFlaw { static let kind = AdamFlawKind.keepsGradients }
  enum NoLengthCheck: AdamFlaw { static let kind = AdamFlawKind.noLengthCheck }

  /// The reference optimizer's update with `Flaw.kind` switched on.
  struct FlawedAdam<Flaw: AdamFlaw>: AdamStepping {
    private(set) var m: [Float]
    private(set) var v: [Float]
    private(set) var stepCount = 0
    private var previous: [Float]
    private let settings: AdamSettings

    init(parameterCount: Int, settings: AdamSettings) throws {
      guard parameterCount >= 0 else { throw TrainingMemoryError("negative count") }
      m = Array(repeating: 0, count: parameterCount)
      v = m
      previous = Flaw.kind == .keepsGradients ? m : []
      self.settings = settings
    }

    mutating func step(_ parameters: inout [Float], gradients: [Float]) throws {
      let count = min(parameters.count, gradients.count, m.count)
      if Flaw.kind != .noLengthCheck {
        guard parameters.count == m.count, gradients.count == m.count else {
          throw TrainingMemoryError("lengths differ")
        }
      }
      let kind = Flaw.kind
      if kind != .stepCountedLate { stepCount += 1 }
      var (beta1, beta2) = (settings.beta1, settings.beta2)
      if kind == .betasSwapped { (beta1, beta2) = (beta2, beta1) }
      let t = Float(stepCount)
      let corrected = settings.biasCorrection && kind != .noBiasCorrection
      let correction1 = corrected ? 1 - pow(beta1, t) : 1
      let correction2 = corrected ? 1 - pow(beta2, t) : 1
      for i in 0..<count {
        let g = gradients[i]
        m[i] = beta1 * m[i] + (1 - beta1) * g
        v[i] = beta2 * v[i] + (1 - beta2) * (kind == .absoluteGradient ? abs(g) : g * g)
        let (mHat, vHat) = (m[i] / correction1, v[i] / correction2)
        let denominator =
          kind == .epsilonInsideRoot
          ? (vHat + settings.epsilon).squareRoot() : vHat.squareRoot() + settings.epsilon
        parameters[i] -= settings.learningRate * mHat / denominator
        if kind == .keepsGradients { previous[i] = g }
      }
      if kind == .stepCountedLate { stepCount += 1 }
    }
  }
#endif
