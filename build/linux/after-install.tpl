#!/bin/bash
# deb post-install for 研读 (electron-builder's deb.afterInstall; ${executable} and
# ${sanitizedProductName} are filled in by electron-builder). It is electron-builder's own
# template with one change: chrome-sandbox is ALWAYS setuid root.
#
# Why: the stock script makes it setuid only when `unshare --user true` fails, but it runs as
# root, where that succeeds even on systems (UOS, Kylin, hardened kernels with
# kernel.unprivileged_userns_clone=0 or user.max_user_namespaces=0) on which ordinary users
# cannot create user namespaces. Chromium then falls back to the SUID helper, finds it not
# root-owned 4755, and aborts on every launch ("The SUID sandbox helper binary was found, but
# is not configured correctly"). A setuid helper is only used when namespaces are unavailable,
# so setting it always is safe where they are available.

if type update-alternatives >/dev/null 2>&1; then
    # Remove previous link if it doesn't use update-alternatives
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# The SUID sandbox helper: owned by root, setuid, whatever this root shell can do.
chown root:root '/opt/${sanitizedProductName}/chrome-sandbox'
chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox'

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# AppArmor profile (Ubuntu 24+ restricts unprivileged user namespaces through it); skipped
# where the running AppArmor cannot parse it (older releases), as in electron-builder's template.
if apparmor_status --enabled > /dev/null 2>&1; then
  APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'
  APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
    cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"
    fi
  else
    echo "Skipping the installation of the AppArmor profile as this version of AppArmor does not seem to support the bundled profile"
  fi
fi
