# Installation layout and the Debian package (included from the top-level CMakeLists.txt).
#
#   cmake --install build [--prefix /usr] [--strip]     (DESTDIR=... for a staging root)
#   cpack --config build/CPackConfig.cmake -B build/pkg  -> escalate_<version>_<arch>.deb
#
# The email templates are compiled into the binary and the default readout font is the absolute
# Debian path /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf (fonts-dejavu-core), so an
# installed binary works from any prefix and any working directory. The templates installed here
# are a starting point for `escalate build --templates DIR`; the schemas are for editors and CI.
include(GNUInstallDirs)

# --- what is installed where ---------------------------------------------------------------------
install(TARGETS escalate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/escalate/templates)
install(DIRECTORY schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/escalate/schemas
        FILES_MATCHING PATTERN "*.json")
# Man pages are installed compressed (Debian policy 12.1; man reads them either way). gzip -n
# leaves out the name and time, so the file is the same in every build.
find_program(ESCALATE_GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/escalate.1.gz
                   COMMAND ${ESCALATE_GZIP} -9nc ${CMAKE_CURRENT_SOURCE_DIR}/docs/escalate.1 > ${CMAKE_BINARY_DIR}/escalate.1.gz
                   DEPENDS docs/escalate.1 VERBATIM)
add_custom_target(escalate_man ALL DEPENDS ${CMAKE_BINARY_DIR}/escalate.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/escalate.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# Debian policy 12.5 and 12.7: the copyright file and a (gzipped) changelog in the doc folder.
configure_file(cmake/debian/changelog.in ${CMAKE_BINARY_DIR}/changelog @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
                   COMMAND ${ESCALATE_GZIP} -9nc ${CMAKE_BINARY_DIR}/changelog > ${CMAKE_BINARY_DIR}/changelog.gz
                   DEPENDS ${CMAKE_BINARY_DIR}/changelog VERBATIM)
add_custom_target(escalate_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES cmake/debian/copyright ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES completions/escalate.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME escalate)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES .pre-commit-hooks.yaml DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples RENAME pre-commit-hooks.yaml)
install(DIRECTORY ci/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/ci USE_SOURCE_PERMISSIONS)
install(FILES fixtures/ESC-2026-0142.yaml DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# --- CPack: a .deb -------------------------------------------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "escalate")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "escalate maintainers")
set(CPACK_PACKAGE_CONTACT "escalate maintainers <maintainers@escalate.example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check customer-escalation records, build PIR packs, lint email drafts")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)  # RelWithDebInfo binaries are mostly debug info

set(CPACK_DEBIAN_PACKAGE_NAME "escalate")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # escalate_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_PACKAGE_DESCRIPTION
    "escalate checks customer-escalation incident records (YAML, one per escalation)
against the Customer Escalation Management Playbook and reports every breach
with file:line:col as text, JSON, JUnit, SARIF or GitHub annotations. It builds
post-incident-review packs (threaded RFC 5322 customer emails, a one-page
executive readout PDF and a lint report) and lints email drafts before they
are sent.")
find_program(ESCALATE_DPKG dpkg)
if(ESCALATE_DPKG)
  execute_process(COMMAND ${ESCALATE_DPKG} --print-architecture
                  OUTPUT_VARIABLE ESCALATE_DEB_ARCH OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${ESCALATE_DEB_ARCH}")
endif()

# Runtime dependencies: the shared libraries from dpkg-shlibdeps (exact, with versions) when it is
# available, else Debian 12's package names for what the binary links; the readout font always.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
find_program(ESCALATE_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(ESCALATE_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
         ", libc6, libstdc++6, libgcc-s1, libyaml-cpp0.7, libre2-9, libhpdf-2.3.0, libpugixml1v5, libfontconfig1, libical3")
endif()
# The readout finds a font through fontconfig for characters DejaVu Sans lacks: WenQuanYi Micro
# Hei (5 MB, TrueType) covers Chinese, Japanese and Korean; Droid Sans Fallback lacks most Hangul
# and Noto CJK is CFF, which the readout cannot embed. See readout_pdf.h.
# display_timezone (status, next) reads the IANA zones of tzdata from /usr/share/zoneinfo.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei, tzdata")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, man-db")

# Only what a user needs goes into the package (no CPack source package of the build tree).
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
