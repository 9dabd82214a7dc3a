import Harness
import InferenceMemory

/// Exercise LifetimePlanner: lifetimes, peak memory and greedy buffer sharing for a graph.
///
/// Read Lessons/InferenceMemory.md, section "Skip connections and buffer planning", then
/// replace each `throw` with your code. Check your work with `workbook check LifetimePlanner`.
///
/// The contract, with every rule the grader checks:
/// Sources/InferenceMemory/Contracts/LifetimePlanner.swift.
public struct LifetimePlanner: LifetimePlanning {
  public init() {}

  public func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
    throw Unimplemented(lesson: "InferenceMemory", section: "Skip connections and buffer planning")
  }

  public func peakBytes(_ graph: ComputationGraph) throws -> Int {
    throw Unimplemented(lesson: "InferenceMemory", section: "Skip connections and buffer planning")
  }

  public func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
    throw Unimplemented(lesson: "InferenceMemory", section: "Skip connections and buffer planning")
  }
}
