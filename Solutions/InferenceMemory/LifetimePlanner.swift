import InferenceMemory

/// Reference solution of LifetimePlanner.
public struct LifetimePlanner: LifetimePlanning {
  public init() {}

  public func lifetimes(_ graph: ComputationGraph) throws -> [TensorLifetime] {
    var first = Array(repeating: Int.max, count: graph.tensors.count)
    var last = Array(repeating: -1, count: graph.tensors.count)
    for (step, operation) in graph.order.map({ graph.operations[$0] }).enumerated() {
      for tensor in operation.inputs + operation.outputs {
        first[tensor] = min(first[tensor], step)
        last[tensor] = max(last[tensor], step)
      }
    }
    // The caller reads the graph's outputs after the last step.
    for tensor in graph.outputs { last[tensor] = graph.stepCount - 1 }
    return graph.tensors.indices.map { TensorLifetime(first: first[$0], last: last[$0]) }
  }

  public func peakBytes(_ graph: ComputationGraph) throws -> Int {
    // A sweep: add a tensor's bytes at its first step, remove them after its last.
    var change = Array(repeating: 0, count: graph.stepCount + 1)
    for (tensor, span) in try lifetimes(graph).enumerated() {
      change[span.first] += graph.tensors[tensor].bytes
      change[span.last + 1] -= graph.tensors[tensor].bytes
    }
    var live = 0
    var peak = 0
    for step in 0..<graph.stepCount {
      live += change[step]
      peak = max(peak, live)
    }
    return peak
  }

  public func assignBuffers(_ graph: ComputationGraph) throws -> BufferAssignment {
    let spans = try lifetimes(graph)
    let bytes = graph.tensors.map(\.bytes)
    let ranked = graph.tensors.indices.sorted {
      (bytes[$0], -spans[$0].first, -$0) > (bytes[$1], -spans[$1].first, -$1)
    }
    var tenants: [[Int]] = []
    var assignment = BufferAssignment(
      bufferOfTensor: Array(repeating: 0, count: bytes.count), bufferBytes: [])
    for tensor in ranked {
      let free = tenants.firstIndex { tenants in
        tenants.allSatisfy { !spans[$0].overlaps(spans[tensor]) }
      }
      if let buffer = free {
        tenants[buffer].append(tensor)
        assignment.bufferOfTensor[tensor] = buffer
      } else {
        // Largest first, so a new buffer's first tenant is the largest it will ever hold.
        tenants.append([tensor])
        assignment.bufferBytes.append(bytes[tensor])
        assignment.bufferOfTensor[tensor] = tenants.count - 1
      }
    }
    return assignment
  }
}
