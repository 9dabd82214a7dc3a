import Harness
import TrainingMemory

/// Exercise AdamStep: an Adam optimizer that keeps its two moments and its step count.
///
/// Read Lessons/TrainingMemory.md, section "Adam and its two moments", then replace each `throw`
/// with your code. Keep the state to `m`, `v` and `stepCount`: the grader checks that it holds
/// two Floats per parameter and nothing more. Check your work with `workbook check AdamStep`.
///
/// The contract, with every rule the grader checks:
/// Sources/TrainingMemory/Contracts/AdamStep.swift.
public struct AdamOptimizer: AdamStepping {
  public private(set) var m: [Float] = []
  public private(set) var v: [Float] = []
  public private(set) var stepCount = 0

  public init(parameterCount: Int, settings: AdamSettings) throws {
    throw Unimplemented(lesson: "TrainingMemory", section: "Adam and its two moments")
  }

  public mutating func step(_ parameters: inout [Float], gradients: [Float]) throws {
    throw Unimplemented(lesson: "TrainingMemory", section: "Adam and its two moments")
  }
}
