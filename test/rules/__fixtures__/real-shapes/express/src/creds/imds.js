async function getCreds() {
  const url = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role';
  const response = await fetch(url);
  return response.json();
}

module.exports = getCreds;
