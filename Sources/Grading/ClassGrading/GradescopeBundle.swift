import Foundation
import LearnerWorkspace

/// Writes a Gradescope autograder: `setup.sh`, `run_autograder`, a README, the student edition
/// of the workbook in `workbook/`, and `autograder.zip` of them when `zip` is installed.
public struct GradescopeBundle {
  /// The workbook.
  public let workspace: Workspace
  /// The Swift version `setup.sh` installs when the image has no toolchain.
  public let swiftVersion: String
  /// The limits `run_autograder` grades with.
  public let limits: CheckLimits
  /// Seconds one submission may take in all (`workbook grade --budget`).
  public var budget: Double = 600

  /// Creates a bundle writer.
  public init(workspace: Workspace, swiftVersion: String, limits: CheckLimits) {
    self.workspace = workspace
    self.swiftVersion = swiftVersion
    self.limits = limits
  }

  /// What was written: the number of workbook files, and the zip if one was made.
  public struct Written: Sendable {
    /// Files of the workbook copied into `workbook/`.
    public let workbookFiles: Int
    /// `autograder.zip`, or nil when `zip` is not installed.
    public let zip: URL?
  }

  /// Writes the bundle into `folder`, which must be missing or empty.
  public func export(to folder: URL) throws -> Written {
    let manager = FileManager.default
    if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
      throw WorkbookError("\(folder.path) is not empty; choose a new folder for the autograder")
    }
    let copy = GradingCopy(
      source: workspace.root, folder: folder.appendingPathComponent("workbook"))
    let files = try copy.sync().count
    try write(GradescopeScripts.setup(swiftVersion: swiftVersion), "setup.sh", in: folder)
    try write(
      GradescopeScripts.runAutograder(limits: limits, budget: budget), "run_autograder", in: folder)
    try write(GradescopeScripts.readme, "README.md", in: folder)
    guard
      runCommand(["sh", "-c", "command -v zip"], in: folder).status == 0,
      runCommand(
        ["zip", "-qr", "autograder.zip", "setup.sh", "run_autograder", "README.md", "workbook"],
        in: folder
      ).status == 0
    else { return Written(workbookFiles: files, zip: nil) }
    return Written(workbookFiles: files, zip: folder.appendingPathComponent("autograder.zip"))
  }

  private func write(_ text: String, _ name: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(name)
    try AtomicFile.write(Data(text.utf8), to: url)
    if name != "README.md", chmod(url.path, 0o755) != 0 {
      throw WorkbookError("cannot make \(url.path) executable")
    }
  }

  /// The version of the `swift` on PATH (`6.3.1`), or nil if it cannot be told.
  public static func installedSwiftVersion() -> String? {
    let output = runCommand(["swift", "--version"], in: URL(fileURLWithPath: "/")).output
    guard
      let range = output.range(
        of: #"Swift version (\d+\.\d+(\.\d+)?)"#, options: .regularExpression)
    else { return nil }
    return output[range].split(separator: " ").last.map(String.init)
  }
}
