/// A tensor of a computation graph: a name for the pictures and its size in bytes.
public struct GraphTensor: Sendable, Equatable {
  /// A short name such as `"x"` or `"ffn_up"`.
  public let name: String
  /// Its size in bytes.
  public let bytes: Int

  /// Creates a tensor.
  public init(_ name: String, bytes: Int) {
    self.name = name
    self.bytes = bytes
  }
}

/// An operation of a computation graph: the tensors it reads and the tensors it writes, by
/// their index in `ComputationGraph.tensors`.
public struct GraphOperation: Sendable, Equatable {
  /// A short name such as `"attention"`.
  public let name: String
  /// Indices of the tensors it reads.
  public let inputs: [Int]
  /// Indices of the tensors it writes.
  public let outputs: [Int]

  /// Creates an operation.
  public init(_ name: String, inputs: [Int], outputs: [Int]) {
    self.name = name
    self.inputs = inputs
    self.outputs = outputs
  }
}

/// A small inference graph for memory planning: tensors with sizes, operations, the order the
/// operations run in, and the tensors that must survive to the end.
///
/// A tensor that no operation writes is an input of the graph. The initializer checks that the
/// graph can run in the given order, so planners never see an impossible graph.
public struct ComputationGraph: Sendable, Equatable {
  /// The tensors; their indices are what operations and plans refer to.
  public let tensors: [GraphTensor]
  /// The operations, in any order.
  public let operations: [GraphOperation]
  /// The execution order: step `s` runs `operations[order[s]]`.
  public let order: [Int]
  /// Tensors the caller reads after the last step; they live to the end.
  public let outputs: [Int]

  /// Creates a graph after checking it.
  ///
  /// - Throws: `GraphError` when an index is out of range, `order` is not a permutation of the
  ///   operations, a size is negative, a tensor is written twice, read before it is written, or
  ///   touched by no operation.
  public init(
    tensors: [GraphTensor], operations: [GraphOperation], order: [Int], outputs: [Int]
  ) throws {
    guard !operations.isEmpty else { throw GraphError("a graph needs at least one operation") }
    if let bad = tensors.first(where: { $0.bytes < 0 }) {
      throw GraphError("tensor \(bad.name) has a negative size, \(bad.bytes) bytes")
    }
    guard order.count == operations.count, Set(order) == Set(operations.indices) else {
      throw GraphError("order \(order) is not a permutation of operations 0..<\(operations.count)")
    }
    let inRange = tensors.indices
    for operation in operations {
      if let bad = (operation.inputs + operation.outputs).first(where: { !inRange.contains($0) }) {
        throw GraphError("operation \(operation.name) names tensor \(bad), which does not exist")
      }
    }
    if let bad = outputs.first(where: { !inRange.contains($0) }) {
      throw GraphError("output \(bad) is not a tensor of the graph")
    }
    var writtenAt: [Int: Int] = [:]
    for (step, index) in order.enumerated() {
      for tensor in operations[index].outputs {
        if writtenAt[tensor] != nil {
          throw GraphError("tensor \(tensors[tensor].name) is written by two operations")
        }
        writtenAt[tensor] = step
      }
    }
    var touched = Set<Int>()
    for (step, index) in order.enumerated() {
      for tensor in operations[index].inputs {
        if let written = writtenAt[tensor], written >= step {
          throw GraphError(
            "operation \(operations[index].name) reads \(tensors[tensor].name) before it is written"
          )
        }
      }
      touched.formUnion(operations[index].inputs + operations[index].outputs)
    }
    if let idle = inRange.first(where: { !touched.contains($0) }) {
      throw GraphError("tensor \(tensors[idle].name) is neither read nor written")
    }
    self.tensors = tensors
    self.operations = operations
    self.order = order
    self.outputs = outputs
  }

  /// A graph the kit builds itself and knows to be valid.
  init(unchecked tensors: [GraphTensor], operations: [GraphOperation], outputs: [Int]) {
    self.tensors = tensors
    self.operations = operations
    self.order = Array(operations.indices)
    self.outputs = outputs
  }

  /// The number of steps, one per operation.
  public var stepCount: Int { order.count }
}

/// When a tensor is live: from step `first` to step `last`, both included.
public struct TensorLifetime: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The first step at which the tensor is needed.
  public let first: Int
  /// The last step at which the tensor is needed.
  public let last: Int

  /// Creates a lifetime.
  public init(first: Int, last: Int) {
    self.first = first
    self.last = last
  }

  /// Whether the two lifetimes share a step.
  public func overlaps(_ other: TensorLifetime) -> Bool {
    first <= other.last && other.first <= last
  }

  /// `[first, last]`, as failure messages print it.
  public var description: String { "[\(first), \(last)]" }
}

/// Which buffer each tensor lives in, and how large each buffer is.
public struct BufferAssignment: Sendable, Equatable, Codable {
  /// For each tensor (indexed like `graph.tensors`), the index of its buffer.
  public var bufferOfTensor: [Int]
  /// For each buffer, its size in bytes.
  public var bufferBytes: [Int]

  /// Creates an assignment.
  public init(bufferOfTensor: [Int], bufferBytes: [Int]) {
    self.bufferOfTensor = bufferOfTensor
    self.bufferBytes = bufferBytes
  }

  /// The memory the plan reserves: the sum of the buffers' sizes.
  public var totalBytes: Int { bufferBytes.reduce(0, +) }
}

/// A graph that cannot run as described, with a one-line message.
public struct GraphError: Error, Equatable, CustomStringConvertible {
  /// The one-line message.
  public let description: String

  init(_ description: String) {
    self.description = description
  }
}
