using PirMesh.Host.Cli;

return await PirMeshCommandLine.Create().Parse(args).InvokeAsync();
