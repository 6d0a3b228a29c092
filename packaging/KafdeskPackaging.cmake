# Debian packages with CPack, from the build tree (scripts/make-packages.sh is the one command):
#   kafdesk        the two programs, desktop entry, AppStream metainfo, icons, man pages, completion
#   kafdesk-kafka  the pinned Apache Kafka broker jars (packaging/kafka/pom.xml) under
#                  /usr/share/kafdesk/kafka, architecture all, optional (Recommends) so the app stays small
# packaging/lintian-notes.md says what lintian reports on them and why.
#
# Files other parts of the tree provide are installed when they exist at install time (OPTIONAL),
# so the build works before they are written.

set(KAFDESK_PACKAGE_JARS_DIR "" CACHE PATH
    "Broker jars for the kafdesk-kafka package: a complete scripts/fetch-kafka-jars.sh fetch (with its kafdesk-jars.txt). Empty: $KAFDESK_KAFKA_JARS at configure time, else ~/.cache/kafdesk/kafka-<version>")
set(KAFDESK_PACKAGE_MAINTAINER "The Kafdesk developers <kafdesk@users.noreply.github.com>" CACHE STRING
    "Maintainer field of the Debian packages")
set(KAFDESK_PACKAGE_RELEASE "1" CACHE STRING "Debian revision of the packages (the part after the hyphen)")

if(KAFDESK_PACKAGE_JARS_DIR)
    set(kafdesk_package_jars "${KAFDESK_PACKAGE_JARS_DIR}")
elseif(DEFINED ENV{KAFDESK_KAFKA_JARS} AND NOT "$ENV{KAFDESK_KAFKA_JARS}" STREQUAL "")
    set(kafdesk_package_jars "$ENV{KAFDESK_KAFKA_JARS}")
elseif(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(kafdesk_package_jars "$ENV{XDG_CACHE_HOME}/kafdesk/kafka-${KAFDESK_KAFKA_VERSION}")
else()
    set(kafdesk_package_jars "$ENV{HOME}/.cache/kafdesk/kafka-${KAFDESK_KAFKA_VERSION}")
endif()

# A baked-in jar directory is ignored by installed programs (KafkaDistribution::jarSearchPath), but a
# package built with one still carries a path of this machine in its binaries.
if(NOT KAFDESK_KAFKA_JARS_DIR STREQUAL "")
    message(WARNING "KAFDESK_KAFKA_JARS_DIR is set (${KAFDESK_KAFKA_JARS_DIR}): packages built from this tree "
                    "should leave it empty; installed programs look in /usr/share/kafdesk/kafka and the user cache.")
endif()

set(kafdesk_debian "${PROJECT_SOURCE_DIR}/packaging/debian")
set(kafdesk_gz_dir "${PROJECT_BINARY_DIR}/packaging/gz")
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Installs SOURCE into DESTINATION (as RENAME, or its own name) when it exists at install time;
# with GZIP, gzip -9n'd first (Debian wants man pages and changelogs compressed; -n keeps the name
# and time stamp out, so two builds give the same bytes). Unlike install(FILES ... OPTIONAL), a
# missing file leaves no empty directory behind in the package.
function(kafdesk_install_optional component source destination)
    cmake_parse_arguments(arg "GZIP" "RENAME" "" ${ARGN})
    if(NOT arg_RENAME)
        get_filename_component(arg_RENAME "${source}" NAME)
    endif()
    set(file "${source}")
    set(make_gz "")
    if(arg_GZIP)
        set(file "${kafdesk_gz_dir}/${component}/${arg_RENAME}.gz")
        set(arg_RENAME "${arg_RENAME}.gz")
        set(make_gz "file(MAKE_DIRECTORY \"${kafdesk_gz_dir}/${component}\")
            execute_process(COMMAND gzip -9nc \"${source}\" OUTPUT_FILE \"${file}\" COMMAND_ERROR_IS_FATAL ANY)")
    endif()
    install(CODE "
        if(EXISTS \"${source}\")
            ${make_gz}
            file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${destination}\" TYPE FILE RENAME \"${arg_RENAME}\"
                PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ FILES \"${file}\")
        else()
            message(STATUS \"Not installed (not there yet): ${source}\")
        endif()" COMPONENT ${component})
endfunction()

# --- kafdesk: the programs (install(TARGETS ... COMPONENT kafdesk) in gui/ and core/ctl/) and their files
if(KAFDESK_BUILD_GUI)
    set(app_id io.github.kafdesk.Kafdesk)
    kafdesk_install_optional(kafdesk "${PROJECT_SOURCE_DIR}/resources/linux/${app_id}.desktop" share/applications)
    kafdesk_install_optional(kafdesk "${PROJECT_SOURCE_DIR}/resources/linux/${app_id}.metainfo.xml" share/metainfo)
    kafdesk_install_optional(kafdesk "${PROJECT_SOURCE_DIR}/resources/icons/kafdesk.svg"
        share/icons/hicolor/scalable/apps RENAME ${app_id}.svg)
    foreach(size 16 32 48 64 128 256)
        kafdesk_install_optional(kafdesk "${PROJECT_SOURCE_DIR}/resources/icons/kafdesk-${size}.png"
            share/icons/hicolor/${size}x${size}/apps RENAME ${app_id}.png)
    endforeach()
    kafdesk_install_optional(kafdesk "${PROJECT_SOURCE_DIR}/packaging/man/kafdesk.1" share/man/man1 GZIP)
endif()
kafdesk_install_optional(kafdesk "${PROJECT_SOURCE_DIR}/packaging/man/kafdesk-ctl.1" share/man/man1 GZIP)
kafdesk_install_optional(kafdesk "${PROJECT_SOURCE_DIR}/packaging/completion/kafdesk-ctl"
    share/bash-completion/completions)

# Like Debian's dh_strip: CPack's strip (CPACK_STRIP_FILES) keeps the compiler's .comment section
# (lintian: binary-has-unneeded-section). The programs' install rules, in the subdirectories, run first.
if(CMAKE_OBJCOPY)
    install(CODE "
        if(CMAKE_INSTALL_DO_STRIP)
            foreach(program kafdesk kafdesk-ctl)
                set(path \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/\${program}\")
                if(EXISTS \"\${path}\")
                    execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --remove-section=.comment \"\${path}\"
                        COMMAND_ERROR_IS_FATAL ANY)
                endif()
            endforeach()
        endif()" COMPONENT kafdesk)
endif()

# --- kafdesk-kafka: the jars named by the fetch's manifest, read at install time so that a fetch
# after configuring is seen (packaging/InstallKafkaJars.cmake says what is missing).
install(CODE "set(KAFDESK_JARS_SOURCE \"${kafdesk_package_jars}\")" COMPONENT kafdesk-kafka)
install(SCRIPT "${PROJECT_SOURCE_DIR}/packaging/InstallKafkaJars.cmake" COMPONENT kafdesk-kafka)

# --- both: copyright, changelog, lintian overrides
foreach(package kafdesk kafdesk-kafka)
    install(FILES "${kafdesk_debian}/${package}.copyright" DESTINATION share/doc/${package} RENAME copyright
        COMPONENT ${package})
    kafdesk_install_optional(${package} "${kafdesk_debian}/changelog" share/doc/${package} RENAME changelog.Debian GZIP)
    kafdesk_install_optional(${package} "${kafdesk_debian}/${package}.lintian-overrides" share/lintian/overrides
        RENAME ${package})
endforeach()

# The changelog's newest entry must name the version the packages carry.
file(STRINGS "${kafdesk_debian}/changelog" kafdesk_changelog_top LIMIT_COUNT 1)
set(kafdesk_deb_version "${PROJECT_VERSION}-${KAFDESK_PACKAGE_RELEASE}")
if(NOT kafdesk_changelog_top MATCHES "^kafdesk \\(${kafdesk_deb_version}\\) ")
    message(WARNING "packaging/debian/changelog starts with \"${kafdesk_changelog_top}\", not version "
                    "${kafdesk_deb_version}: add an entry for it.")
endif()

# --- CPack
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kafdesk)
set(CPACK_PACKAGE_VENDOR "The Kafdesk developers")
set(CPACK_PACKAGE_CONTACT "${KAFDESK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# Empty, not the project's DESCRIPTION: CPackDeb puts a non-empty summary in front of every
# component's description, and each package has its own synopsis (its description's first line).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kafdesk kafdesk-kafka)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${KAFDESK_PACKAGE_RELEASE}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KAFDESK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_SOURCE kafdesk)
# gzip: the jars are compressed already, and xz spends minutes on them for no gain.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KAFDESK_PACKAGE_NAME kafdesk)
set(CPACK_DEBIAN_KAFDESK_PACKAGE_SHLIBDEPS ON)
# What is loaded but not linked: libsecret (QtKeychain opens it at run time; libqt6keychain1 does
# not depend on it) and a Qt platform plugin (libqt6gui6 only recommends them); dpkg-shlibdeps
# appends the linked libraries.
set(CPACK_DEBIAN_KAFDESK_PACKAGE_DEPENDS "libsecret-1-0, qt6-qpa-plugins")
set(CPACK_DEBIAN_KAFDESK_PACKAGE_RECOMMENDS "kafdesk-kafka (= ${kafdesk_deb_version})")
set(CPACK_DEBIAN_KAFDESK_PACKAGE_SUGGESTS "kcat, openssl")
set(CPACK_DEBIAN_KAFDESK_DESCRIPTION "desktop console for Apache Kafka
Kafdesk connects to Apache Kafka clusters through saved connection profiles
(TLS, SASL PLAIN and SCRAM, secrets in the system keychain) and shows their
brokers, topics, partitions, configurations and consumer groups with their lag.
It creates, alters and deletes topics, resets offsets, produces and consumes
messages, and shows the equivalent Kafka command line for what it does.

It also runs a bundled local cluster of real Kafka brokers in KRaft mode, which
it starts, stops, kills, pauses and restarts, to watch what Kafka does when a
broker fails. The brokers come in the kafdesk-kafka package.

This package holds the kafdesk desktop application and kafdesk-ctl, the same
work from a shell.")

set(CPACK_DEBIAN_KAFDESK-KAFKA_PACKAGE_NAME kafdesk-kafka)
set(CPACK_DEBIAN_KAFDESK-KAFKA_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_KAFDESK-KAFKA_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_KAFDESK-KAFKA_PACKAGE_SECTION java)
set(CPACK_DEBIAN_KAFDESK-KAFKA_PACKAGE_DEPENDS "openjdk-17-jre-headless | java17-runtime-headless")
set(CPACK_DEBIAN_KAFDESK-KAFKA_DESCRIPTION "Apache Kafka ${KAFDESK_KAFKA_VERSION} broker for Kafdesk's local clusters
The Apache Kafka ${KAFDESK_KAFKA_VERSION} broker, controller and command-line tool jars, with
their dependencies, that Kafdesk and kafdesk-ctl run as a local cluster of
brokers in KRaft mode (kafdesk-ctl cluster start). They are installed under
/usr/share/kafdesk/kafka, where both programs find them.")

include(CPack)
