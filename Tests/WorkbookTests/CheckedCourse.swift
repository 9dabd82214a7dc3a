import Course
import Figures
import LearnerWorkspace

extension Workspace {
  /// The course with every lesson checked against its topic's figures and pictures, as the
  /// commands that show a lesson check it: a lesson citing a figure no code of its topic
  /// computes fails here, naming its line.
  func checkedCourse() throws -> Course {
    try loadCourse(checking: Registry.catalog(of:))
  }
}
