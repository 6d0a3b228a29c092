# Install-time part of the kafdesk-kafka component (packaging/KafdeskPackaging.cmake): copies the
# jars that KAFDESK_JARS_SOURCE's manifest lists, and the manifest, into share/kafdesk/kafka.
# Only the listed jars: a cache directory may hold others, which the package must not pick up.
set(manifest "${KAFDESK_JARS_SOURCE}/kafdesk-jars.txt")
if(NOT EXISTS "${manifest}")
    message(FATAL_ERROR "kafdesk-kafka: no broker jars in ${KAFDESK_JARS_SOURCE} (no kafdesk-jars.txt). Fetch them "
                        "with scripts/fetch-kafka-jars.sh, or configure with -DKAFDESK_PACKAGE_JARS_DIR=<a fetch>.")
endif()
file(STRINGS "${manifest}" jars)
set(files "")
foreach(jar IN LISTS jars)
    string(STRIP "${jar}" jar)
    if(jar STREQUAL "")
        continue()
    endif()
    if(NOT EXISTS "${KAFDESK_JARS_SOURCE}/${jar}")
        message(FATAL_ERROR "kafdesk-kafka: ${KAFDESK_JARS_SOURCE}/${jar} is missing (an incomplete fetch): run "
                            "scripts/fetch-kafka-jars.sh again.")
    endif()
    list(APPEND files "${KAFDESK_JARS_SOURCE}/${jar}")
endforeach()
list(LENGTH files count)
if(count LESS 20)
    message(FATAL_ERROR "kafdesk-kafka: ${manifest} lists ${count} jars; a complete fetch has about 50.")
endif()
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/share/kafdesk/kafka" TYPE FILE
    PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
    FILES ${files} "${manifest}")
