# Run last by ctest in a sanitizer build (-DRMC_SANITIZE=ON): fails, printing them, when any
# process of the suite left a sanitizer report in REPORTS.
file(GLOB reports "${REPORTS}/*")
if(reports)
  foreach(report IN LISTS reports)
    file(READ "${report}" text)
    message("${report}:\n${text}")
  endforeach()
  list(LENGTH reports count)
  message(FATAL_ERROR "${count} sanitizer report(s) in ${REPORTS}")
endif()
message("no sanitizer reports")
