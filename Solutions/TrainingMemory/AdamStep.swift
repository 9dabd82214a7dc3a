import Foundation
import TrainingMemory

/// Reference solution of AdamStep: Algorithm 1 of Kingma & Ba (2015), one parameter at a time.
public struct AdamOptimizer: AdamStepping {
  public private(set) var m: [Float]
  public private(set) var v: [Float]
  public private(set) var stepCount = 0
  private let settings: AdamSettings

  public init(parameterCount: Int, settings: AdamSettings) throws {
    guard parameterCount >= 0 else {
      throw TrainingMemoryError("an optimizer needs a parameter count of 0 or more")
    }
    m = Array(repeating: 0, count: parameterCount)
    v = Array(repeating: 0, count: parameterCount)
    self.settings = settings
  }

  public mutating func step(_ parameters: inout [Float], gradients: [Float]) throws {
    guard parameters.count == m.count, gradients.count == m.count else {
      throw TrainingMemoryError(
        "expected \(m.count) parameters and gradients, got \(parameters.count) and "
          + "\(gradients.count)")
    }
    stepCount += 1
    let (beta1, beta2) = (settings.beta1, settings.beta2)
    // Both moments start at zero, so early averages are too small by a factor 1 − βᵗ.
    let t = Float(stepCount)
    let correction1 = settings.biasCorrection ? 1 - pow(beta1, t) : 1
    let correction2 = settings.biasCorrection ? 1 - pow(beta2, t) : 1
    for i in parameters.indices {
      let g = gradients[i]
      m[i] = beta1 * m[i] + (1 - beta1) * g
      v[i] = beta2 * v[i] + (1 - beta2) * g * g
      let mHat = m[i] / correction1
      let vHat = v[i] / correction2
      parameters[i] -= settings.learningRate * mHat / (vHat.squareRoot() + settings.epsilon)
    }
  }
}
